import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Database } from '../db/connect.ts';
import { isoTime } from '../db/iso-time.ts';
import { CHANNELS, isCategoryCode, type Channel } from '../../domain/report-types.ts';
import { InputError } from '../errors.ts';
import type { Status } from '../../domain/status.ts';

/** Reports a queue page shows. */
export const QUEUE_PAGE = 50;
/** What "within 50 m" means for spotting duplicates, as residents' "me too" uses. */
export const NEARBY_METRES = 50;

export interface QueueFilters {
	district?: number;
	category?: string;
	channel?: Channel;
	minVotes?: number;
	page: number;
}

export interface QueueItem {
	ref: string;
	title: string;
	status: Status;
	categoryPl: string;
	categoryEn: string;
	districtId: number;
	districtName: string;
	channel: Channel;
	votes: number;
	createdAt: string;
	overdue: boolean;
	/** Other visible reports within NEARBY_METRES: likely duplicates. */
	nearby: { ref: string; title: string; status: Status }[];
}

function queue(conditions: SQL[], page: number, overdueDays: number): SQL {
	return sql`
		SELECT r.public_ref AS ref, r.title, r.status, c.name_pl AS "categoryPl", c.name_en AS "categoryEn", r.district_id AS "districtId",
			d.name AS "districtName", r.channel, r.vote_count AS votes, ${isoTime(sql`r.created_at`)} AS "createdAt",
			r.created_at < now() - make_interval(days => ${overdueDays}) AS overdue,
			coalesce((SELECT json_agg(json_build_object('ref', o.public_ref, 'title', o.title, 'status', o.status) ORDER BY o.created_at DESC)
				FROM (SELECT * FROM reports o WHERE o.id <> r.id AND NOT o.hidden
					AND ST_DWithin(o.location::geography, r.location::geography, ${NEARBY_METRES}) ORDER BY o.created_at DESC LIMIT 5) o), '[]') AS nearby
		FROM (SELECT * FROM reports r WHERE ${sql.join(conditions, sql` AND `)} ORDER BY r.created_at, r.id LIMIT ${QUEUE_PAGE} OFFSET ${(page - 1) * QUEUE_PAGE}) r
		JOIN categories c ON c.id = r.category_id
		JOIN districts d ON d.id = r.district_id
		ORDER BY r.created_at, r.id`;
}

const parsedNearby = (rows: QueueItem[]) =>
	// PGlite returns json as text where postgres-js parses it.
	rows.map((row) => ({ ...row, nearby: typeof row.nearby === 'string' ? JSON.parse(row.nearby) : row.nearby }));

/** The operators' triage queue: new reports, oldest first, filtered by district, category, channel and votes. */
export async function triageQueue(database: Database, filters: QueueFilters, overdueDays: number): Promise<QueueItem[]> {
	const conditions: SQL[] = [sql`r.status = 'new'`, sql`NOT r.hidden`];
	if (filters.district) conditions.push(sql`r.district_id = ${filters.district}`);
	if (filters.category) conditions.push(sql`r.category_id = (SELECT id FROM categories WHERE code = ${filters.category})`);
	if (filters.channel) conditions.push(sql`r.channel = ${filters.channel}`);
	if (filters.minVotes) conditions.push(sql`r.vote_count >= ${filters.minVotes}`);
	return parsedNearby(await rowsOf<QueueItem>(database.db, queue(conditions, filters.page, overdueDays)));
}

/** A department's queue: reports forwarded to it and in progress, oldest (the overdue) first. */
export async function departmentQueue(database: Database, departmentId: number, page: number, overdueDays: number): Promise<QueueItem[]> {
	const conditions = [sql`r.department_id = ${departmentId}`, sql`r.status IN ('forwarded', 'in_progress')`, sql`NOT r.hidden`];
	return parsedNearby(await rowsOf<QueueItem>(database.db, queue(conditions, page, overdueDays)));
}

/** A queue's filters from the URL; a wrong one throws InputError (400) naming it. */
export function parseQueueFilters(params: URLSearchParams): QueueFilters {
	const value = (name: string) => params.get(name)?.trim() || undefined;
	const whole = (name: string, min: number, max: number) => {
		const text = value(name);
		if (text === undefined) return undefined;
		if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) throw new InputError('errors.staff_filter', { field: name });
		return Number(text);
	};
	const category = value('category');
	if (category !== undefined && !isCategoryCode(category)) throw new InputError('errors.staff_filter', { field: 'category' });
	const channel = value('channel');
	if (channel !== undefined && !(CHANNELS as readonly string[]).includes(channel)) throw new InputError('errors.staff_filter', { field: 'channel' });
	return { district: whole('district', 1, 18), category, channel: channel as Channel | undefined, minVotes: whole('votes', 0, 1_000_000), page: whole('page', 1, 10_000) ?? 1 };
}

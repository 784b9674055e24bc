import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/connect.ts';
import type { FeedFilters } from '../../domain/feed-filters.ts';
import type { Status } from '../../domain/status.ts';
import { isoTime } from '../db/iso-time.ts';
import { where } from '../map/filter-sql.ts';

/** One event of a feed: a report filed (from null) or a change of its status. */
export interface FeedEntry {
	/** The status change's own id: unique and stable, so feed readers never show an event twice. */
	id: number;
	ref: string;
	title: string;
	description: string | null;
	fromStatus: Status | null;
	toStatus: Status;
	note: string | null;
	categoryPl: string;
	categoryEn: string;
	districtName: string;
	lng: number;
	lat: number;
	/** ISO 8601, UTC. */
	at: string;
}

/** Events a feed carries. */
export const FEED_SIZE = 50;

/** Below this many matching reports, a feed reads their events report by report rather than all events newest first. */
const FEW_REPORTS = 20_000;

/** Events after one moment, up to and including another (an alert run's window), as PostgreSQL timestamptz text. */
export interface EventWindow {
	after: string;
	until: string;
}

/**
 * The newest events of visible reports that match the filters, newest first, within `window` if
 * given. Two plans, chosen by
 * how many reports match (counted from district_counts, or small by nature: one report, an area):
 * many, and the newest events of the city hold 50 of theirs soon; few, and their own events are read
 * through the (report, time) index instead of walking the whole city's history for them.
 */
export async function feedEntries(database: Database, filters: FeedFilters, window?: EventWindow, few = FEW_REPORTS): Promise<FeedEntry[]> {
	const conditions: SQL[] = [sql`NOT r.hidden`];
	if (filters.district) conditions.push(sql`r.district_id = ${filters.district}`);
	if (filters.category) conditions.push(sql`r.category_id = (SELECT id FROM categories WHERE code = ${filters.category})`);
	if (filters.type) conditions.push(sql`r.type = ${filters.type}`);
	if (filters.report) conditions.push(sql`r.public_ref = ${filters.report}`);
	if (filters.bbox) {
		const [w, s, e, n] = filters.bbox;
		conditions.push(sql`r.location && ST_MakeEnvelope(${w}::float8, ${s}::float8, ${e}::float8, ${n}::float8, 4326)`);
	}
	if (filters.near) {
		const { lng, lat, metres } = filters.near;
		conditions.push(sql`ST_DWithin(r.location::geography, ST_SetSRID(ST_MakePoint(${lng}::float8, ${lat}::float8), 4326)::geography, ${metres}::float8)`);
	}
	const inWindow = window ? sql`s.created_at > ${window.after}::timestamptz AND s.created_at <= ${window.until}::timestamptz` : sql`true`;
	const fewReports = filters.report || filters.near || filters.bbox || (await matchingReports(database, filters)) < few;
	const events = fewReports
		? sql`(SELECT r.* FROM reports r ${where(conditions)}) r
			CROSS JOIN LATERAL (SELECT * FROM status_changes s WHERE s.report_id = r.id AND ${inWindow} ORDER BY s.created_at DESC, s.id DESC LIMIT ${FEED_SIZE}) s`
		: sql`status_changes s JOIN reports r ON r.id = s.report_id AND ${sql.join(conditions, sql` AND `)} AND ${inWindow}`;
	return database.rows<FeedEntry>(sql`
		SELECT s.id::int AS id, r.public_ref AS ref, r.title, r.description, s.from_status AS "fromStatus", s.to_status AS "toStatus", s.note,
			c.name_pl AS "categoryPl", c.name_en AS "categoryEn", d.name AS "districtName",
			ST_X(r.location) AS lng, ST_Y(r.location) AS lat, ${isoTime(sql`s.created_at`)} AS at
		FROM ${events}
		JOIN categories c ON c.id = r.category_id
		JOIN districts d ON d.id = r.district_id
		ORDER BY s.created_at DESC, s.id DESC
		LIMIT ${FEED_SIZE}`);
}

/** How many visible reports a district, category and type filter lets through, from the summary. */
async function matchingReports(database: Database, filters: FeedFilters): Promise<number> {
	const conditions: SQL[] = [];
	if (filters.district) conditions.push(sql`district_id = ${filters.district}`);
	if (filters.category) conditions.push(sql`category_id = (SELECT id FROM categories WHERE code = ${filters.category})`);
	if (filters.type) conditions.push(sql`type = ${filters.type}`);
	const [{ reports }] = await database.rows<{ reports: number }>(sql`SELECT coalesce(sum(reports), 0)::int AS reports FROM district_counts ${where(conditions)}`);
	return reports;
}

import { sql } from 'drizzle-orm';
import type { Database } from '../db/connect.ts';
import { isoTime } from '../db/iso-time.ts';
import type { Status } from '../../domain/status.ts';

/** Everything about a report that the public may see; the reporter's contact details are not here. */
export interface PublicReport {
	id: number;
	publicRef: string;
	title: string;
	description: string;
	type: 'problem' | 'idea';
	category: string;
	categoryPl: string;
	categoryEn: string;
	districtId: number;
	districtName: string;
	address: string | null;
	lng: number;
	lat: number;
	channel: string;
	status: Status;
	departmentPl: string | null;
	departmentEn: string | null;
	/** ISO 8601, UTC. */
	createdAt: string;
	/** ISO 8601, UTC. */
	updatedAt: string;
	/** ISO 8601, UTC. */
	resolvedAt: string | null;
	votes: number;
	duplicateOfRef: string | null;
	isGenerated: boolean;
}

export interface StatusChange {
	fromStatus: Status | null;
	toStatus: Status;
	note: string | null;
	actor: string;
	departmentPl: string | null;
	departmentEn: string | null;
	/** ISO 8601, UTC. */
	createdAt: string;
}

/** A visible report by id or public reference; hidden and unknown reports are both null (staff may ask for hidden ones). */
export async function findReport(database: Database, key: { id: number } | { ref: string }, options: { hidden?: boolean } = {}): Promise<PublicReport | null> {
	const match = 'id' in key ? sql`r.id = ${key.id}` : sql`r.public_ref = ${key.ref}`;
	const [report] = await database.rows<PublicReport>(sql`
		SELECT r.id::int AS id, r.public_ref AS "publicRef", r.title, r.description, r.type, c.code AS category,
			c.name_pl AS "categoryPl", c.name_en AS "categoryEn", r.district_id AS "districtId", d.name AS "districtName",
			r.address, ST_X(r.location) AS lng, ST_Y(r.location) AS lat, r.channel, r.status,
			dep.name_pl AS "departmentPl", dep.name_en AS "departmentEn",
			${isoTime(sql`r.created_at`)} AS "createdAt", ${isoTime(sql`r.updated_at`)} AS "updatedAt",
			${isoTime(sql`r.resolved_at`)} AS "resolvedAt", r.vote_count AS votes,
			dup.public_ref AS "duplicateOfRef", r.is_generated AS "isGenerated"
		FROM reports r
		JOIN categories c ON c.id = r.category_id
		JOIN districts d ON d.id = r.district_id
		LEFT JOIN departments dep ON dep.id = r.department_id
		LEFT JOIN reports dup ON dup.id = r.duplicate_of_id
		WHERE ${match} ${options.hidden ? sql`` : sql`AND NOT r.hidden`}`);
	return report ?? null;
}

/** The public timeline, oldest first. */
export async function statusHistory(database: Database, reportId: number): Promise<StatusChange[]> {
	return database.rows<StatusChange>(sql`
		SELECT s.from_status AS "fromStatus", s.to_status AS "toStatus", s.note, s.actor,
			dep.name_pl AS "departmentPl", dep.name_en AS "departmentEn", ${isoTime(sql`s.created_at`)} AS "createdAt"
		FROM status_changes s LEFT JOIN departments dep ON dep.id = s.department_id
		WHERE s.report_id = ${reportId}
		ORDER BY s.created_at, s.id`);
}

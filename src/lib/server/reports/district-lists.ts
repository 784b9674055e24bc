import { sql } from 'drizzle-orm';
import type { Database } from '../db/connect.ts';
import { OPEN_STATUSES } from '../../domain/status.ts';
import { literals } from '../db/literals.ts';
import { listedFrom, type ListedReport } from './list.ts';

export interface DistrictLists {
	newest: ListedReport[];
	/** Open the longest, oldest first. */
	oldestOpen: ListedReport[];
	/** Open longer than the overdue limit, the most supported first. */
	overdue: ListedReport[];
	overdueCount: number;
}

/** How many reports each list shows. */
export const DISTRICT_LIST_SIZE = 10;

const open = sql`NOT hidden AND status IN (${literals(OPEN_STATUSES)})`;

/** A councillor's three lists for one district (indexes: migration 0017). `today` is Kraków's date. */
export async function districtLists(database: Database, districtId: number, overdueDays: number, today: string): Promise<DistrictLists> {
	const overdueSince = sql`(${today}::date - ${overdueDays}::int)`;
	const [newest, oldestOpen, overdue, [{ count }]] = await Promise.all([
		listedFrom(
			database,
			sql`SELECT * FROM reports WHERE NOT hidden AND district_id = ${districtId} ORDER BY created_at DESC LIMIT ${DISTRICT_LIST_SIZE}`,
			sql`r.created_at DESC`
		),
		listedFrom(
			database,
			sql`SELECT * FROM reports WHERE ${open} AND district_id = ${districtId} ORDER BY created_at LIMIT ${DISTRICT_LIST_SIZE}`,
			sql`r.created_at`
		),
		listedFrom(
			database,
			sql`SELECT * FROM reports WHERE ${open} AND district_id = ${districtId}
				AND created_at < (${overdueSince}::timestamp AT TIME ZONE 'Europe/Warsaw')
				ORDER BY vote_count DESC, created_at LIMIT ${DISTRICT_LIST_SIZE}`,
			sql`r.vote_count DESC, r.created_at`
		),
		// The count comes from the summary: open reports per day filed.
		database.rows<{ count: number }>(sql`SELECT coalesce(sum(reports), 0)::int AS count FROM open_day_counts
			WHERE district_id = ${districtId} AND day < ${overdueSince}`)
	]);
	return { newest, oldestOpen, overdue, overdueCount: count };
}

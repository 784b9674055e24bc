import { sql } from 'drizzle-orm';
import type { Database } from '../db/connect.ts';
import { OPEN_STATUSES } from '../../domain/status.ts';
import { resolutionRateSql } from './resolution-sql.ts';
import { versionCache } from '../map/version-cache.ts';

const open = sql.raw(OPEN_STATUSES.map((s) => `'${s}'`).join(', '));

export interface Overview {
	total: number;
	problems: number;
	ideas: number;
	open: number;
	resolutionRate: number | null;
	hasGeneratedData: boolean;
}

const rate = resolutionRateSql(sql`c.status`, sql`c.reports`);

/** The headline figures of all visible reports, from the summary table (no scan of reports). */
export async function overview(database: Database): Promise<Overview> {
	const [figures] = await database.rows<Overview>(sql`
		SELECT coalesce(sum(c.reports), 0)::int AS total,
			coalesce(sum(c.reports) FILTER (WHERE c.type = 'problem'), 0)::int AS problems,
			coalesce(sum(c.reports) FILTER (WHERE c.type = 'idea'), 0)::int AS ideas,
			coalesce(sum(c.reports) FILTER (WHERE c.status IN (${open})), 0)::int AS open,
			${rate} AS "resolutionRate",
			EXISTS (SELECT 1 FROM reports WHERE is_generated) AS "hasGeneratedData"
		FROM report_counts c`);
	return figures;
}

const overviews = versionCache<Overview>(4);

/** The overview at a map version: the map page asks on every move, the answer changes only with the reports. */
export function overviewAt(database: Database, version: number): Promise<Overview> {
	return overviews(version, '', () => overview(database));
}

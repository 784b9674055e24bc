import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '../../../src/lib/server/db/connect.ts';
import { createReport } from '../../../src/lib/server/reports/create.ts';
import { newReportSchema } from '../../../src/lib/domain/report-input.ts';
import { resolutionRate } from '../../../src/lib/domain/resolution.ts';
import type { Status } from '../../../src/lib/domain/status.ts';
import { overview } from '../../../src/lib/server/stats/overview.ts';
import { clearReports, testDatabase } from '../../support/database.ts';

let database: Database;

async function file(status: Status, overrides: Record<string, unknown> = {}) {
	const { id } = await createReport(
		database,
		newReportSchema.parse({ type: 'problem', category: 'pothole', title: 'Zgłoszenie testowe', lng: 19.9372, lat: 50.0614, ...overrides })
	);
	await database.db.execute(sql`UPDATE reports SET status = ${status},
		resolved_at = CASE WHEN ${status} = 'resolved' THEN created_at + interval '2 days' END WHERE id = ${id}`);
	return id;
}

/** What report_counts must hold: the same grouping computed from reports directly. */
const truth = () =>
	database.rows(sql`SELECT to_char(created_at AT TIME ZONE 'Europe/Warsaw', 'YYYY-MM') AS month, district_id, category_id, channel, status,
		count(*)::int AS reports FROM reports WHERE NOT hidden GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`);
const counted = () =>
	database.rows(sql`SELECT to_char(month, 'YYYY-MM') AS month, district_id, category_id, channel, status, reports
		FROM report_counts WHERE reports <> 0 ORDER BY 1, 2, 3, 4, 5`);

/** What district_counts must hold: all months and channels of report_counts, summed. */
const districtTruth = () =>
	database.rows(sql`SELECT district_id, category_id, status, type, count(*)::int AS reports
		FROM reports WHERE NOT hidden GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3`);
const districtCounted = () =>
	database.rows(sql`SELECT district_id, category_id, status, type, reports FROM district_counts WHERE reports <> 0 ORDER BY 1, 2, 3`);
/** What resolve_day_counts must hold: resolved reports by month filed and whole days to resolve. */
const resolveTruth = () =>
	database.rows(sql`SELECT to_char(created_at AT TIME ZONE 'Europe/Warsaw', 'YYYY-MM') AS month, district_id, category_id, type,
		floor(extract(epoch FROM resolved_at - created_at) / 86400)::int AS days, count(*)::int AS reports
		FROM reports WHERE NOT hidden AND status = 'resolved' GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 5`);
const resolveCounted = () =>
	database.rows(sql`SELECT to_char(month, 'YYYY-MM') AS month, district_id, category_id, type, days, reports
		FROM resolve_day_counts WHERE reports <> 0 ORDER BY 1, 2, 3, 5`);
/** What open_day_counts must hold: open reports by day filed. */
const openTruth = () =>
	database.rows(sql`SELECT (created_at AT TIME ZONE 'Europe/Warsaw')::date::text AS day, district_id, category_id, type, count(*)::int AS reports
		FROM reports WHERE NOT hidden AND status IN ('new', 'accepted', 'forwarded', 'in_progress') GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3`);
const openCounted = () =>
	database.rows(sql`SELECT day::text AS day, district_id, category_id, type, reports FROM open_day_counts WHERE reports <> 0 ORDER BY 1, 2, 3`);
const expectCountsTrue = async () => {
	expect(await counted()).toEqual(await truth());
	expect(await districtCounted()).toEqual(await districtTruth());
	expect(await resolveCounted()).toEqual(await resolveTruth());
	expect(await openCounted()).toEqual(await openTruth());
};

beforeAll(async () => {
	database = await testDatabase();
});
beforeEach(() => clearReports(database));

describe('the summaries kept by triggers: report_counts, district_counts, resolve_day_counts, open_day_counts', () => {
	it('follow inserts, status changes, hiding, moves and deletes', async () => {
		const a = await file('resolved');
		const b = await file('rejected', { lng: 20.0378, lat: 50.0719 });
		await file('new', { type: 'idea', category: 'green_patch', channel: 'phone' });
		await expectCountsTrue();

		await database.db.execute(sql`UPDATE reports SET vote_count = vote_count + 1`);
		await database.db.execute(sql`UPDATE reports SET hidden = true WHERE id = ${b}`);
		await database.db.execute(sql`UPDATE reports SET status = 'in_progress', resolved_at = NULL WHERE id = ${a}`);
		await database.db.execute(sql`UPDATE reports SET created_at = created_at - interval '400 days' WHERE id = ${a}`);
		await expectCountsTrue();
		await database.db.execute(sql`UPDATE reports SET status = 'resolved', resolved_at = created_at + interval '17 days 3 hours' WHERE id = ${a}`);
		await database.db.execute(sql`UPDATE reports SET hidden = false WHERE id = ${b}`);
		await expectCountsTrue();
		const [{ days }] = await database.rows<{ days: number }>(sql`SELECT days FROM resolve_day_counts WHERE reports = 1 ORDER BY days DESC LIMIT 1`);
		expect(days).toBe(17);

		await database.db.execute(sql`DELETE FROM reports WHERE id = ${a}`);
		await expectCountsTrue();
		const [{ seconds }] = await database.rows<{ seconds: number }>(sql`SELECT coalesce(sum(resolve_seconds), 0)::int AS seconds FROM report_counts`);
		expect(seconds).toBe(0);
	});

	it('gives the map page the figures that reports hold, with one resolution rate', async () => {
		const statuses: Status[] = ['resolved', 'resolved', 'resolved', 'rejected', 'not_competent', 'duplicate', 'new', 'in_progress'];
		for (const s of statuses) await file(s);
		await file('new', { type: 'idea', category: 'green_patch' });

		const figures = await overview(database);
		const byStatus: Partial<Record<Status, number>> = {};
		for (const s of statuses) byStatus[s] = (byStatus[s] ?? 0) + 1;
		expect(figures).toEqual({
			total: 9,
			problems: 8,
			ideas: 1,
			open: 3,
			resolutionRate: resolutionRate(byStatus),
			hasGeneratedData: false
		});
		expect(figures.resolutionRate).toBeCloseTo(3 / 5);
	});
});

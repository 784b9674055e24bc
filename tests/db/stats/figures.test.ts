/**
 * The statistics from the summary tables, against figures worked out by hand on fourteen reports
 * with known dates (Kraków time), statuses and days to resolve.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '../../../src/lib/server/db/connect.ts';
import { createReport } from '../../../src/lib/server/reports/create.ts';
import { newReportSchema } from '../../../src/lib/domain/report-input.ts';
import type { Status } from '../../../src/lib/domain/status.ts';
import { statistics } from '../../../src/lib/server/stats/figures.ts';
import { overview } from '../../../src/lib/server/stats/overview.ts';
import { chartCsv, chartTable } from '../../../src/lib/stats/chart-tables.ts';
import { clearReports, testDatabase } from '../../support/database.ts';

let database: Database;
const STARE_MIASTO = { lng: 19.9372, lat: 50.0614 };
const KROWODRZA = { lng: 19.92601, lat: 50.07305 };
const TODAY = '2026-04-15';

/** A report filed at `local` (Kraków's wall clock) and, if resolved, resolved `days` days and 3 hours later. */
async function file(local: string, status: Status, options: { days?: number; at?: typeof STARE_MIASTO; category?: string; type?: string } = {}) {
	const { id } = await createReport(
		database,
		newReportSchema.parse({ type: options.type ?? 'problem', category: options.category ?? 'pothole', title: 'Zgłoszenie', ...(options.at ?? STARE_MIASTO) })
	);
	const filed = sql`(${local}::timestamp AT TIME ZONE 'Europe/Warsaw')`;
	await database.db.execute(sql`UPDATE reports SET created_at = ${filed}, status = ${status},
		resolved_at = CASE WHEN ${status} = 'resolved' THEN ${filed} + make_interval(days => ${options.days ?? 0}, hours => 3) END
		WHERE id = ${id}`);
}

beforeAll(async () => {
	database = await testDatabase();
	await clearReports(database);
	await file('2026-03-31 23:30', 'resolved', { days: 2 }); // A: March in Kraków, though 21:30 UTC
	await file('2026-04-01 00:30', 'resolved', { days: 10 }); // B: April in Kraków, though 31 March UTC
	await file('2026-03-05 12:00', 'resolved', { days: 1 }); // C
	await file('2026-03-06 12:00', 'resolved', { days: 3, at: KROWODRZA }); // D
	await file('2026-03-07 12:00', 'resolved', { days: 5, category: 'street_lighting' }); // E
	await file('2026-03-08 12:00', 'resolved', { days: 30, category: 'street_lighting' }); // F
	await file('2026-03-09 12:00', 'rejected'); // G
	await file('2026-03-10 12:00', 'not_competent', { at: KROWODRZA }); // H
	await file('2026-03-11 12:00', 'duplicate'); // I: left out of the resolution rate
	await file('2026-04-14 12:00', 'new'); // J: open 1 day
	await file('2026-03-20 12:00', 'accepted', { at: KROWODRZA }); // K: open 26 days
	await file('2026-02-01 12:00', 'in_progress', { category: 'street_lighting' }); // L: open 73 days
	await file('2025-12-01 12:00', 'forwarded'); // M: open 135 days
	await file('2026-04-02 12:00', 'resolved', { days: 0, type: 'idea', category: 'green_patch' }); // N
});

describe('statistics', () => {
	it('by month: volumes, the resolution rate without duplicates, the median and 90th percentile of days, Kraków month boundaries', async () => {
		const stats = await statistics(database, { from: '2025-12', to: '2026-04' }, TODAY);
		expect(stats.months.map((m) => m.month)).toEqual(['2025-12', '2026-01', '2026-02', '2026-03', '2026-04']);
		const [december, january, february, march, april] = stats.months;
		// March: A C D E F resolved (1, 2, 3, 5, 30 days), G rejected, H not competent, I duplicate, K open.
		expect(march).toMatchObject({ reports: 9, problems: 9, ideas: 0, medianDays: 3, p90Days: 30 });
		expect(march.resolutionRate).toBeCloseTo(5 / 7);
		expect(march.channels).toEqual({ online: 9, phone: 0, email: 0, in_person: 0 });
		// April: B (10 days), J open, N (an idea, 0 days).
		expect(april).toMatchObject({ reports: 3, problems: 2, ideas: 1, resolutionRate: 1, medianDays: 0, p90Days: 10 });
		expect(february).toMatchObject({ reports: 1, resolutionRate: null, medianDays: null });
		expect(january).toMatchObject({ reports: 0, resolutionRate: null });
		expect(december.reports).toBe(1);
	});

	it('the headline: this month, last month and the year to date', async () => {
		const { headline } = await statistics(database, { from: '2025-12', to: '2026-04' }, TODAY);
		expect(headline.month).toBe('2026-04');
		expect(headline.thisMonth).toMatchObject({ reports: 3, problems: 2, ideas: 1 });
		expect(headline.lastMonth).toMatchObject({ reports: 9, medianDays: 3 });
		// January to April: 13 reports (M is December's); resolved 0, 1, 2, 3, 5, 10, 30 days; 7 of 9 outcomes resolved.
		expect(headline.yearToDate).toMatchObject({ reports: 13, medianDays: 3, p90Days: 30 });
		expect(headline.yearToDate.resolutionRate).toBeCloseTo(7 / 9);
	});

	it('the open backlog by age on Kraków’s calendar', async () => {
		const { backlog } = await statistics(database, { from: '2025-12', to: '2026-04' }, TODAY);
		expect(backlog).toEqual({ under7: 1, from7to30: 1, from30to90: 1, over90: 1 });
	});

	it('by district and category, per 1,000 residents, and the city beside a filtered district', async () => {
		const stats = await statistics(database, { from: '2025-12', to: '2026-04', district: 5 }, TODAY);
		const krowodrza = stats.districts.find((d) => d.id === 5)!;
		expect(krowodrza).toMatchObject({ reports: 3, medianDays: 3, resolutionRate: 0.5 });
		expect(krowodrza.perThousand).toBeCloseTo((3 * 1000) / krowodrza.population!);
		expect(stats.districts.find((d) => d.id === 1)!.reports).toBe(11); // the others stay, for comparison
		expect(stats.months.map((m) => m.reports)).toEqual([0, 0, 0, 3, 0]);
		expect(stats.city.reports).toBe(14);

		const all = await statistics(database, { from: '2025-12', to: '2026-04' }, TODAY);
		expect(all.categories.map((c) => [c.code, c.reports])).toEqual([
			['pothole', 10],
			['street_lighting', 3],
			['green_patch', 1]
		]);
		expect(all.categories[1]).toMatchObject({ medianDays: 5, p90Days: 30, resolutionRate: 1 });
	});

	it('filters by type and category, and a range of one month', async () => {
		const ideas = await statistics(database, { from: '2026-04', to: '2026-04', type: 'idea' }, TODAY);
		expect(ideas.months).toHaveLength(1);
		expect(ideas.months[0]).toMatchObject({ reports: 1, ideas: 1, medianDays: 0 });
		const lighting = await statistics(database, { from: '2025-12', to: '2026-04', category: 'street_lighting' }, TODAY);
		expect(lighting.backlog).toEqual({ under7: 0, from7to30: 0, from30to90: 1, over90: 0 });
		expect(lighting.headline.yearToDate.reports).toBe(3);
	});

	it('agrees with the map’s counts, the map page’s figures and the CSV', async () => {
		const stats = await statistics(database, { from: '2025-12', to: '2026-04' }, TODAY);
		const mapCounts = await database.rows<{ id: number; reports: number }>(
			sql`SELECT district_id AS id, sum(reports)::int AS reports FROM district_counts GROUP BY 1 HAVING sum(reports) <> 0 ORDER BY 1`
		);
		expect(stats.districts.filter((d) => d.reports > 0).map((d) => ({ id: d.id, reports: d.reports }))).toEqual(mapCounts);
		const figures = await overview(database);
		expect(stats.city.reports).toBe(figures.total);
		expect(stats.city.resolutionRate).toBeCloseTo(figures.resolutionRate!);
		expect(stats.months.reduce((sum, m) => sum + m.reports, 0)).toBe(figures.total);
		// The district chart's CSV carries the same counts.
		const csv = chartCsv(chartTable(stats, 'districts', 'pl')).trimEnd().split('\r\n').slice(1);
		expect(csv.map((line) => Number(line.split(',')[1])).reduce((a, b) => a + b, 0)).toBe(figures.total);
	});
});

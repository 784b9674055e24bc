import { describe, expect, it } from 'vitest';
import { CHART_IDS, chartCsv, chartTable } from '../../../src/lib/stats/chart-tables.ts';
import { tally, type Statistics } from '../../../src/lib/server/stats/figures.ts';

const empty = tally();
const stats: Statistics = {
	filters: { from: '2026-02', to: '2026-03' },
	headline: { month: '2026-03', thisMonth: empty, lastMonth: empty, yearToDate: empty },
	months: [
		{ month: '2026-02', ...empty, reports: 3, problems: 2, ideas: 1, resolutionRate: 0.875, medianDays: 4, p90Days: 9, channels: { online: 2, phone: 1, email: 0, in_person: 0 } },
		{ month: '2026-03', ...empty, channels: { online: 0, phone: 0, email: 0, in_person: 0 } }
	],
	districts: [{ id: 5, name: 'Krowodrza', population: 30000, perThousand: 0.1, ...empty, reports: 3 }],
	categories: [{ code: 'pothole', namePl: 'Dziura, "duża", w jezdni', nameEn: 'Pothole', ...empty, reports: 3 }],
	backlog: { under7: 1, from7to30: 2, from30to90: 3, over90: 4 },
	city: empty
};

describe('chart tables', () => {
	it('give every chart as many values per series as rows', () => {
		for (const id of CHART_IDS) {
			const table = chartTable(stats, id, 'pl');
			expect(table.rows.length, id).toBeGreaterThan(0);
			for (const s of table.series) expect(s.values, `${id}: ${s.label}`).toHaveLength(table.rows.length);
		}
	});

	it('show rates in percent, and no data as null, never 0', () => {
		expect(chartTable(stats, 'resolution', 'en').series[0].values).toEqual([87.5, null]);
		expect(chartTable(stats, 'resolve-time', 'en').series.map((s) => s.values)).toEqual([[4, null], [9, null]]);
		expect(chartTable(stats, 'backlog', 'en').series[0].values).toEqual([1, 2, 3, 4]);
		expect(chartTable(stats, 'districts', 'pl').rows[0]).toEqual({ key: '5', label: 'Krowodrza', href: '/districts/5' });
	});

	it('write RFC 4180 CSV: a header, quotes where needed, CRLF, empty cells for no data', () => {
		expect(chartCsv(chartTable(stats, 'resolution', 'en'))).toBe('Month,Resolution rate (%)\r\nFeb 2026,87.5\r\nMar 2026,\r\n');
		expect(chartCsv(chartTable(stats, 'categories', 'pl')).split('\r\n')[1]).toBe('"Dziura, ""duża"", w jezdni",3,');
	});
});

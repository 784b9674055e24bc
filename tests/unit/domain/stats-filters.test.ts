import { describe, expect, it } from 'vitest';
import { addMonths, monthsBetween, parseStatsFilters, statsFiltersToParams, warsawDay } from '../../../src/lib/domain/stats-filters.ts';

const parse = (query: string) => parseStatsFilters(new URLSearchParams(query), '2026-04');

describe('statistics filters', () => {
	it('default to the twelve months up to the current one', () => {
		expect(parse('')).toEqual({ ok: true, filters: { from: '2025-05', to: '2026-04' } });
		expect(parse('to=2025-02')).toMatchObject({ filters: { from: '2024-03', to: '2025-02' } });
	});

	it('read every filter, empty values as unset', () => {
		expect(parse('from=2026-01&to=2026-03&district=5&category=pothole&type=problem')).toEqual({
			ok: true,
			filters: { from: '2026-01', to: '2026-03', district: 5, category: 'pothole', type: 'problem' }
		});
		expect(parse('from=&district=&category=&type=')).toMatchObject({ ok: true, filters: { from: '2025-05', district: undefined } });
	});

	it.each([
		['from=2026-13', 'from', 'errors.stats_month'],
		['to=26-01', 'to', 'errors.stats_month'],
		['from=2026-03&to=2026-01', 'to', 'errors.stats_range'],
		['district=abc', 'district', 'errors.stats_district'],
		['district=0', 'district', 'errors.stats_district'],
		['category=DROP TABLE', 'category', 'errors.stats_category'],
		['type=complaint', 'type', 'errors.type'],
		['to=9999-12', 'to', 'errors.stats_month'],
		['from=0000-01', 'from', 'errors.stats_month'],
		['from=2010-01&to=2020-01', 'from', 'errors.stats_range_long'],
		['district=1e1', 'district', 'errors.stats_district'],
		['district=5.0', 'district', 'errors.stats_district']
	])('refuse %s with a reason', (query, field, key) => {
		expect(parse(query)).toEqual({ ok: false, field, key });
	});

	it('round-trip through URL parameters in a stable order', () => {
		const filters = { from: '2026-01', to: '2026-03', district: 5, category: 'pothole', type: 'idea' as const };
		expect(statsFiltersToParams(filters).toString()).toBe('from=2026-01&to=2026-03&district=5&category=pothole&type=idea');
		expect(parse(statsFiltersToParams(filters).toString())).toEqual({ ok: true, filters });
	});

	it('count months across years, and days on Kraków’s calendar', () => {
		expect(addMonths('2026-01', -1)).toBe('2025-12');
		expect(addMonths('2025-12', 14)).toBe('2027-02');
		expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
		expect(monthsBetween('2026-02', '2026-01')).toEqual([]);
		expect(parse('from=2016-05&to=2026-04')).toMatchObject({ ok: true }); // exactly 120 months
		expect(warsawDay(new Date('2026-03-31T22:30:00Z'))).toBe('2026-04-01');
		expect(warsawDay(new Date('2026-01-31T22:30:00Z'))).toBe('2026-01-31');
	});
});

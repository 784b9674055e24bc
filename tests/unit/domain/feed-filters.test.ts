import { describe, expect, it } from 'vitest';
import { feedFiltersToParams, parseFeedFilters } from '../../../src/lib/domain/feed-filters.ts';

const parse = (query: string) => parseFeedFilters(new URLSearchParams(query));

describe('feed filters', () => {
	it('read a district, category, type, a point with a radius, a box or a report, and write them back', () => {
		const query = 'district=5&category=pothole&type=problem&lng=19.94&lat=50.06&radius=500&bbox=19.9,50,20,50.1&report=KCK-2026-000123';
		const parsed = parse(query);
		expect(parsed).toEqual({
			ok: true,
			filters: { district: 5, category: 'pothole', type: 'problem', near: { lng: 19.94, lat: 50.06, metres: 500 }, bbox: [19.9, 50, 20, 50.1], report: 'KCK-2026-000123' }
		});
		expect(parsed.ok && feedFiltersToParams(parsed.filters).toString()).toBe(query.replace('bbox=19.9,50,20,50.1', 'bbox=19.9%2C50%2C20%2C50.1'));
		expect(parse('')).toEqual({ ok: true, filters: {} });
	});

	it.each([
		['lng=19.94&lat=50.06&radius=0', 'radius', 'errors.feed_radius'],
		['lng=19.94&lat=50.06&radius=10000000', 'radius', 'errors.feed_radius'],
		['lng=19.94&lat=50.06', 'radius', 'errors.feed_radius'],
		['lng=190&lat=50.06&radius=100', 'lat', 'errors.location'],
		['bbox=-200,0,10,10', 'bbox', 'errors.export_bbox'],
		['district=x', 'district', 'errors.stats_district'],
		['category=Nie%20ma', 'category', 'errors.stats_category'],
		['type=other', 'type', 'errors.type'],
		['report=123', 'report', 'errors.feed_report']
	])('refuse %s with a reason', (query, field, key) => {
		expect(parse(query)).toEqual({ ok: false, field, key });
	});
});

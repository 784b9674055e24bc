import { describe, expect, it } from 'vitest';
import { parseMapFilters } from '../../../src/lib/domain/map-filters.ts';

const parse = (query: string) => parseMapFilters(new URLSearchParams(query));

describe('map filters', () => {
	it('read the known values and ignore the rest', () => {
		expect(parse('type=idea&category=pothole&category=Bad!&status=open&district=5&period=30d&open=1')).toEqual({
			type: 'idea',
			categories: ['pothole'],
			groups: ['open'],
			district: 5,
			period: '30d',
			onlyOpen: true
		});
	});

	it.each(['valueOf', 'toString', 'constructor', '__proto__'])('ignore period=%s rather than take it from Object.prototype', (period) => {
		expect(parse(`period=${period}`).period).toBeUndefined();
	});
});

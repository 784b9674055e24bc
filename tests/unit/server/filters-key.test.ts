import { describe, expect, it } from 'vitest';
import { filtersKey, PERIOD_TILE_SECONDS } from '../../../src/lib/server/map/tiles.ts';
import { NO_FILTERS } from '../../../src/lib/domain/map-filters.ts';

describe('filtersKey', () => {
	const minute = PERIOD_TILE_SECONDS * 1000;
	const start = 1_800_000 * minute;

	it('depends on the filters alone without a period', () => {
		const open = { ...NO_FILTERS, onlyOpen: true };
		expect(filtersKey(open, start)).toBe(filtersKey(open, start + 7 * 86_400_000));
		expect(filtersKey(open, start)).not.toBe(filtersKey(NO_FILTERS, start));
	});

	it('moves with the clock when a period is set, so "last 30 days" ages', () => {
		const recent = { ...NO_FILTERS, period: '30d' as const };
		expect(filtersKey(recent, start)).toBe(filtersKey(recent, start + minute - 1));
		expect(filtersKey(recent, start + minute)).not.toBe(filtersKey(recent, start));
	});
});

import { describe, expect, it } from 'vitest';
import { quantileDays } from '../../../src/lib/domain/resolve-time.ts';

/** The histogram of a list of days, in scrambled order, as the summary table may return it. */
const histogramOf = (days: number[]) =>
	[...new Set(days)].reverse().map((d) => ({ days: d, reports: days.filter((x) => x === d).length }));

describe('quantileDays', () => {
	it('takes the nearest rank: the median of 1..9 is 5, the 90th percentile of 1..10 is 9', () => {
		expect(quantileDays(histogramOf([1, 2, 3, 4, 5, 6, 7, 8, 9]), 0.5)).toBe(5);
		expect(quantileDays(histogramOf([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), 0.9)).toBe(9);
		expect(quantileDays(histogramOf([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), 0.5)).toBe(5);
	});

	it('counts repeated days by their reports', () => {
		// 0,0,0,2,2,30,30,30,30,90: rank 5 is 2 days, rank 9 is 30.
		const days = [0, 0, 0, 2, 2, 30, 30, 30, 30, 90];
		expect(quantileDays(histogramOf(days), 0.5)).toBe(2);
		expect(quantileDays(histogramOf(days), 0.9)).toBe(30);
		expect(quantileDays(histogramOf(days), 1)).toBe(90);
	});

	it('is null with nothing resolved, and ignores empty buckets', () => {
		expect(quantileDays([], 0.5)).toBeNull();
		expect(quantileDays([{ days: 3, reports: 0 }], 0.5)).toBeNull();
		expect(quantileDays([{ days: 3, reports: 0 }, { days: 7, reports: 2 }], 0.5)).toBe(7);
	});

	it('refuses a quantile outside (0, 1]', () => {
		expect(() => quantileDays([{ days: 1, reports: 1 }], 0)).toThrow(RangeError);
		expect(() => quantileDays([{ days: 1, reports: 1 }], 1.5)).toThrow(RangeError);
	});
});

import { describe, expect, it } from 'vitest';
import { createRandom, deriveSeed, logNormal } from '../../../src/lib/server/demo/random.ts';

const draw = (seed: number, n: number) => {
	const random = createRandom(seed);
	return Array.from({ length: n }, () => random.next());
};

describe('seeded random numbers', () => {
	it('repeat exactly for the same seed', () => {
		expect(draw(42, 1000)).toEqual(draw(42, 1000));
	});

	it('differ for another seed', () => {
		expect(draw(42, 10)).not.toEqual(draw(43, 10));
	});

	it('are pinned, so demo data stays the same across releases', () => {
		expect(draw(1, 3).map((x) => x.toFixed(6))).toEqual(['0.627074', '0.002736', '0.527447']);
	});

	it('fall in [0, 1) evenly', () => {
		const values = draw(7, 100_000);
		expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
		expect(Math.max(...values)).toBeLessThan(1);
		const deciles = Array.from({ length: 10 }, (_, i) => values.filter((v) => Math.floor(v * 10) === i).length / values.length);
		for (const share of deciles) expect(share).toBeCloseTo(0.1, 2);
	});
});

describe('derived seeds', () => {
	it('are stable unsigned 32-bit numbers that depend on every part and its order', () => {
		expect(deriveSeed(1, 2)).toBe(deriveSeed(1, 2));
		expect(deriveSeed(1, 2)).not.toBe(deriveSeed(2, 1));
		expect(deriveSeed(1, 2)).not.toBe(deriveSeed(1, 3));
		for (const seed of [deriveSeed(0), deriveSeed(-5, 9), deriveSeed(2 ** 40, 1)]) {
			expect(Number.isInteger(seed) && seed >= 0 && seed < 2 ** 32).toBe(true);
		}
	});
});

describe('log-normal durations', () => {
	it('have the given median and a long right tail', () => {
		const random = createRandom(3);
		const values = Array.from({ length: 20_000 }, () => logNormal(random, 10, 0.9)).sort((a, b) => a - b);
		expect(values[10_000]).toBeGreaterThan(9.5);
		expect(values[10_000]).toBeLessThan(10.5);
		expect(values[19_000] - values[10_000]).toBeGreaterThan(values[10_000] - values[1_000]);
	});
});

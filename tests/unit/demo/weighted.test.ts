import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../src/lib/server/demo/random.ts';
import { weightedPicker } from '../../../src/lib/server/demo/weighted.ts';

describe('weighted picker', () => {
	it('picks in proportion to the weights and never picks a zero weight', () => {
		const picker = weightedPicker([['a', 70], ['b', 22], ['none', 0], ['c', 6], ['d', 2]] as const);
		const random = createRandom(11);
		const counts: Record<string, number> = {};
		for (let i = 0; i < 100_000; i++) {
			const item = picker.pick(random);
			counts[item] = (counts[item] ?? 0) + 1;
		}
		expect(counts.none).toBeUndefined();
		expect(counts.a / 100_000).toBeCloseTo(0.7, 2);
		expect(counts.b / 100_000).toBeCloseTo(0.22, 2);
		expect(counts.c / 100_000).toBeCloseTo(0.06, 2);
		expect(counts.d / 100_000).toBeCloseTo(0.02, 2);
	});

	it('always picks the only item with weight', () => {
		const picker = weightedPicker([['x', 0], ['y', 3]] as const);
		const random = createRandom(5);
		for (let i = 0; i < 100; i++) expect(picker.pick(random)).toBe('y');
	});

	it('refuses weights it cannot use', () => {
		expect(() => weightedPicker([])).toThrow(/every weight is 0/);
		expect(() => weightedPicker([['a', 0]])).toThrow(/every weight is 0/);
		expect(() => weightedPicker([['a', -1]])).toThrow(/finite number/);
		expect(() => weightedPicker([['a', Number.NaN]])).toThrow(/finite number/);
		expect(() => weightedPicker([['a', Number.POSITIVE_INFINITY]])).toThrow(/finite number/);
	});
});

import type { Random } from './random.ts';

export interface WeightedPicker<T> {
	pick(random: Random): T;
}

/** Picks items in proportion to their weights (cumulative table, binary search: fast enough for millions of picks). */
export function weightedPicker<T>(entries: readonly (readonly [item: T, weight: number])[]): WeightedPicker<T> {
	const items: T[] = [];
	const bounds: number[] = [];
	let total = 0;
	for (const [item, weight] of entries) {
		if (!(weight >= 0) || !Number.isFinite(weight)) throw new Error(`Weight must be a finite number ≥ 0, got ${weight}`);
		if (weight === 0) continue;
		total += weight;
		items.push(item);
		bounds.push(total);
	}
	if (total === 0) throw new Error('Nothing to pick: every weight is 0');
	return {
		pick(random) {
			const target = random.next() * total;
			let low = 0;
			let high = bounds.length - 1;
			while (low < high) {
				const middle = (low + high) >> 1;
				if (bounds[middle] > target) high = middle;
				else low = middle + 1;
			}
			return items[low];
		}
	};
}

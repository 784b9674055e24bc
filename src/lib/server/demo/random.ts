/**
 * Seeded randomness for demo data (mulberry32): the same seed gives the same numbers on every
 * machine and Node version, which Math.random never promises.
 */
export interface Random {
	/** Uniform in [0, 1). */
	next(): number;
}

export function createRandom(seed: number): Random {
	let state = seed >>> 0;
	return {
		next() {
			state = (state + 0x6d2b79f5) >>> 0;
			let t = state;
			t = Math.imul(t ^ (t >>> 15), t | 1);
			t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
			return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
		}
	};
}

/** Mixes integers into one well-spread 32-bit seed, so related streams (seed, 1), (seed, 2) share no pattern. */
export function deriveSeed(...parts: number[]): number {
	let h = 0x811c9dc5;
	for (const part of parts) {
		h = Math.imul(h ^ (part >>> 0), 0x01000193);
		h ^= h >>> 15;
		h = Math.imul(h, 0x2c1b3c6d);
		h ^= h >>> 12;
	}
	return h >>> 0;
}

export function chance(random: Random, probability: number): boolean {
	return random.next() < probability;
}

export function pickOne<T>(random: Random, items: readonly T[]): T {
	return items[Math.floor(random.next() * items.length)];
}

/** Standard normal by Box–Muller; 1 - next() keeps the logarithm away from 0. */
export function normal(random: Random): number {
	return Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());
}

/** Durations with a long tail: half below `median`, spread by `sigma` on the log scale. */
export function logNormal(random: Random, median: number, sigma: number): number {
	return median * Math.exp(sigma * normal(random));
}

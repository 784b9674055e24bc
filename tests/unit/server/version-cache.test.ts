import { describe, expect, it } from 'vitest';
import { versionCache } from '../../../src/lib/server/map/version-cache.ts';

describe('version cache', () => {
	it('computes once per version and key, again when the version moves, and forgets failures', async () => {
		const cache = versionCache<number>(2);
		let calls = 0;
		const compute = async () => ++calls;
		expect(await cache(1, 'a', compute)).toBe(1);
		expect(await cache(1, 'a', compute)).toBe(1);
		expect(await cache(2, 'a', compute)).toBe(2);
		expect(await cache(2, 'b', compute)).toBe(3);
		// Size 2: the oldest entry (version 1) is gone.
		expect(await cache(1, 'a', compute)).toBe(4);

		await expect(cache(3, 'x', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
		await new Promise((resolve) => setTimeout(resolve));
		expect(await cache(3, 'x', compute)).toBe(5);
	});
});

import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../../src/lib/server/votes/rate-limit.ts';

/** A limiter on a clock the test moves by hand. */
function limiter(options: { limit: number; windowMs: number; maxKeys?: number }) {
	const clock = { time: 1_000 };
	const limited = createRateLimiter({ ...options, now: () => clock.time });
	return { clock, limited, take: (key: string) => limited.take(key) };
}

const takes = (take: (key: string) => boolean, key: string, times: number) => Array.from({ length: times }, () => take(key));

describe('rate limiter', () => {
	it('allows `limit` attempts in a window, refuses the next, and allows again once the window has passed', () => {
		const { clock, take } = limiter({ limit: 3, windowMs: 60_000 });
		expect(takes(take, 'ip', 4)).toEqual([true, true, true, false]);
		clock.time += 59_999;
		expect(take('ip')).toBe(false);
		clock.time += 1;
		expect(takes(take, 'ip', 4)).toEqual([true, true, true, false]);
	});

	it('slides: each attempt frees its place one window after it was made', () => {
		const { clock, take } = limiter({ limit: 2, windowMs: 10_000 });
		expect(take('ip')).toBe(true);
		clock.time += 6_000;
		expect(takes(take, 'ip', 2)).toEqual([true, false]);
		clock.time += 4_000;
		expect(takes(take, 'ip', 2)).toEqual([true, false]);
	});

	it('does not count refused attempts, so hammering does not extend the wait', () => {
		const { clock, take } = limiter({ limit: 1, windowMs: 1_000 });
		expect(take('ip')).toBe(true);
		for (let i = 0; i < 9; i++) {
			clock.time += 100;
			expect(take('ip')).toBe(false);
		}
		clock.time += 100;
		expect(take('ip')).toBe(true);
	});

	it('keeps keys independent', () => {
		const { take } = limiter({ limit: 2, windowMs: 60_000 });
		expect(takes(take, 'a', 3)).toEqual([true, true, false]);
		expect(takes(take, 'b', 3)).toEqual([true, true, false]);
		expect(take('a')).toBe(false);
	});

	it('tracks at most maxKeys keys, forgetting those not seen for longest', () => {
		const { take } = limiter({ limit: 1, windowMs: 60_000, maxKeys: 4 });
		take('a');
		take('b');
		expect(take('a')).toBe(false); // a seen again, b not
		take('c');
		take('d');
		expect(take('a')).toBe(false); // a, seen more recently, is remembered
		expect(take('b')).toBe(true); // b was forgotten to make room
	});

	it('stays within the cap under a flood of new keys, remembering the latest ones', () => {
		const { take, limited } = limiter({ limit: 1, windowMs: 60_000, maxKeys: 10_000 });
		let largest = 0;
		for (let i = 0; i < 50_000; i++) {
			take(`flood-${i}`);
			largest = Math.max(largest, limited.size);
		}
		expect(largest).toBeLessThanOrEqual(10_000);
		expect(largest).toBeGreaterThanOrEqual(5_000);
		expect(take('flood-49999')).toBe(false);
		expect(take('flood-45000')).toBe(false);
		expect(take('flood-0')).toBe(true);
	});

	it('forgets keys that have been idle for a window', () => {
		const { clock, take, limited } = limiter({ limit: 1, windowMs: 1_000 });
		for (let i = 0; i < 100; i++) take(`idle-${i}`);
		clock.time += 1_000;
		take('a');
		clock.time += 1_000;
		take('b');
		expect(limited.size).toBe(2);
		expect(take('idle-0')).toBe(true);
	});

	it.each([
		[{ limit: 0, windowMs: 1_000 }],
		[{ limit: 1.5, windowMs: 1_000 }],
		[{ limit: 1, windowMs: 0 }],
		[{ limit: 1, windowMs: Number.NaN }],
		[{ limit: 1, windowMs: 1_000, maxKeys: 0 }]
	])('refuses nonsense options %o', (options) => {
		expect(() => createRateLimiter(options)).toThrow();
	});
});

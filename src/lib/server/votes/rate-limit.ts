export interface RateLimiter {
	/** Counts one attempt by `key`; false when it already made `limit` in the last window. */
	take(key: string): boolean;
	/** How many keys are tracked now (never more than maxKeys). */
	readonly size: number;
}

export interface RateLimitOptions {
	limit: number;
	windowMs: number;
	/** Keys tracked at most, so a flood of new keys (addresses, cookies) cannot exhaust memory. */
	maxKeys?: number;
	/** Milliseconds on a clock that never goes back (injectable for tests). */
	now?: () => number;
}

/**
 * An in-memory sliding-window limiter: at most `limit` attempts per key in any `windowMs`.
 * Per process, which is enough to slow down scripted voting on a single server.
 */
export function createRateLimiter({ limit, windowMs, maxKeys = 10_000, now = () => performance.now() }: RateLimitOptions): RateLimiter {
	if (!Number.isInteger(limit) || limit < 1) throw new Error(`limit must be a whole number ≥ 1, got ${limit}`);
	if (!(windowMs > 0)) throw new Error(`windowMs must be > 0, got ${windowMs}`);
	if (!Number.isInteger(maxKeys) || maxKeys < 1) throw new Error(`maxKeys must be a whole number ≥ 1, got ${maxKeys}`);

	// Each key's accepted attempts, in two generations: keys seen since the last rotation, and the
	// ones seen before it. Rotating drops the older generation whole, which forgets idle and stale
	// keys in O(1); deleting from the front of one big Map one key at a time gets slow in V8.
	let current = new Map<string, number[]>();
	let previous = new Map<string, number[]>();
	let rotatedAt = now();
	const rotate = (time: number) => {
		previous = current;
		current = new Map();
		rotatedAt = time;
	};

	return {
		take(key) {
			const time = now();
			// Everything in `previous` was last seen before rotatedAt, so after a window it is all stale.
			if (time - rotatedAt >= windowMs) rotate(time);
			const since = time - windowMs;
			const recent = (current.get(key) ?? previous.get(key) ?? []).filter((t) => t > since);
			const allowed = recent.length < limit;
			if (allowed) recent.push(time);
			previous.delete(key);
			current.set(key, recent);
			// Each generation holds at most half the cap; when full, the least recently seen half goes.
			if (current.size * 2 >= maxKeys) rotate(time);
			return allowed;
		},
		get size() {
			return current.size + previous.size;
		}
	};
}

import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '../../../src/lib/server/db/connect.ts';
import { enforceRateLimit, RATE_LIMITS, takeRateLimit } from '../../../src/lib/server/rate-limits.ts';
import { testDatabase } from '../../support/database.ts';

let database: Database;
beforeAll(async () => (database = await testDatabase()));
beforeEach(() => database.db.execute(sql`TRUNCATE rate_limit_windows`));

describe('rate limits kept in the database', () => {
	it('let the limit through in a window, then say how long to wait; other keys and rules count apart', async () => {
		const { limit, windowSeconds } = RATE_LIMITS.votesPerAddress;
		for (let i = 0; i < limit; i++) expect(await takeRateLimit(database, 'votesPerAddress', '10.0.0.1', 1)).toBeNull();
		const wait = await takeRateLimit(database, 'votesPerAddress', '10.0.0.1', 1);
		expect(wait).toBeGreaterThan(0);
		expect(wait).toBeLessThanOrEqual(windowSeconds);
		expect(await takeRateLimit(database, 'votesPerAddress', '10.0.0.2', 1)).toBeNull();
		expect(await takeRateLimit(database, 'reportsPerAddress', '10.0.0.1', 1)).toBeNull();
	});

	it('hold under concurrent attempts: exactly the limit gets through', async () => {
		const { limit } = RATE_LIMITS.reportsPerAddress;
		const results = await Promise.all(Array.from({ length: limit * 3 }, () => takeRateLimit(database, 'reportsPerAddress', '10.0.0.3', 1)));
		expect(results.filter((r) => r === null)).toHaveLength(limit);
	});

	it('refuse with 429, a Retry-After and the rule’s message', async () => {
		const headers: Record<string, string> = {};
		const event = { setHeaders: (h: Record<string, string>) => Object.assign(headers, h) };
		await database.db.execute(sql`INSERT INTO rate_limit_windows (rule, key, window_start, hits)
			VALUES ('alertSignUpsPerAddress', '10.0.0.4', date_bin(interval '1 hour', now(), timestamptz '2000-01-01'), 1000)`);
		await expect(enforceRateLimit(event, database, 'alertSignUpsPerAddress', '10.0.0.4')).rejects.toMatchObject({ status: 429, key: 'errors.alert_rate' });
		expect(Number(headers['retry-after'])).toBeGreaterThan(0);
	});
});

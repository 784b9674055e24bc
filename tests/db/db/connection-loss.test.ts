/**
 * A connection that PostgreSQL closes under the app: the transaction says whether the lost write may
 * have been saved, and the pool reconnects. PostgreSQL only: PGlite runs in the process and has no
 * connection to lose. (The driver crash under load is proved in tests/system/database-restart.test.ts.)
 */
import { afterAll, describe, expect, it } from 'vitest';
import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import { isDatabaseUnavailable, OutcomeUnknownError, transactionKnowingOutcome } from '../../../src/lib/server/db/outage.ts';
import { testDatabase } from '../../support/database.ts';

const url = process.env.TEST_DATABASE_URL;
let killer: postgres.Sql;
afterAll(() => killer?.end({ timeout: 1 }));

describe.skipIf(!url)('a connection closed by PostgreSQL', () => {
	it('a transaction whose connection dies before COMMIT throws the lost connection: nothing was saved', async () => {
		const database = await testDatabase();
		killer = postgres(url!, { max: 1 });
		const error = await transactionKnowingOutcome(database, async (tx) => {
			const [{ pid }] = (await tx.execute(sql`SELECT pg_backend_pid() AS pid`)) as unknown as { pid: number }[];
			await killer`SELECT pg_terminate_backend(${pid})`;
			await tx.execute(sql`SELECT 1`);
		}).catch((e: unknown) => e);
		expect(error).not.toBeInstanceOf(OutcomeUnknownError);
		expect(isDatabaseUnavailable(error), String(error)).toBe(true);
		// The pool reconnects by itself.
		expect(await database.rows<{ one: number }>(sql`SELECT 1 AS one`)).toEqual([{ one: 1 }]);
	});

	it('a transaction whose connection dies during COMMIT says the outcome is unknown', async () => {
		const database = await testDatabase();
		// A deferred trigger runs at COMMIT: there the backend ends itself, as a crash at that moment would.
		const error = await transactionKnowingOutcome(database, async (tx) => {
			await tx.execute(sql.raw('CREATE TEMP TABLE dies_at_commit (x int)'));
			await tx.execute(sql.raw(`CREATE FUNCTION pg_temp.die() RETURNS trigger LANGUAGE plpgsql AS $$
				BEGIN PERFORM pg_terminate_backend(pg_backend_pid()); PERFORM pg_sleep(5); RETURN NULL; END $$`));
			await tx.execute(sql.raw(`CREATE CONSTRAINT TRIGGER die_at_commit AFTER INSERT ON dies_at_commit
				DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION pg_temp.die()`));
			await tx.execute(sql.raw('INSERT INTO dies_at_commit VALUES (1)'));
		}).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(OutcomeUnknownError);
		expect(await database.rows<{ one: number }>(sql`SELECT 1 AS one`)).toEqual([{ one: 1 }]);
	});
});

import { beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '../../../src/lib/server/db/connect.ts';
import { mapChanged, mapVersion, TRUST_MS } from '../../../src/lib/server/map/version.ts';
import { createReport } from '../../../src/lib/server/reports/create.ts';
import { newReportSchema } from '../../../src/lib/domain/report-input.ts';
import { clearReports, testDatabase } from '../../support/database.ts';

let database: Database;

const tableVersion = async () =>
	(await database.rows<{ version: number }>(sql`SELECT version::int AS version FROM map_version`))[0].version;

/** A change to the version nobody announces: what the memory does not see unless it reads the table. */
async function silentBump() {
	await database.db.transaction(async (tx) => {
		await tx.execute(sql`ALTER TABLE map_version DISABLE TRIGGER map_version_notify`);
		await tx.execute(sql`UPDATE map_version SET version = version + 1`);
		await tx.execute(sql`ALTER TABLE map_version ENABLE TRIGGER map_version_notify`);
	});
}

describe('the map version in memory', () => {
	beforeAll(async () => {
		database = await testDatabase();
		await clearReports(database);
	});

	it('is read once, then told by NOTIFY; a change made here is read again at once', async () => {
		await mapVersion(database);
		// Once listening, the memory answers: a change nobody announced stays unseen.
		await vi.waitFor(async () => {
			await silentBump();
			expect(await mapVersion(database)).toBeLessThan(await tableVersion());
		});
		mapChanged(database);
		expect(await mapVersion(database)).toBe(await tableVersion());

		await database.db.execute(sql`UPDATE map_version SET version = version + 1`);
		await vi.waitFor(async () => expect(await mapVersion(database)).toBe(await tableVersion()));
	});

	it('is read again after a while, in case notifications were lost', async () => {
		mapChanged(database);
		await mapVersion(database);
		await silentBump();
		expect(await mapVersion(database)).toBeLessThan(await tableVersion());
		await vi.waitFor(async () => expect(await mapVersion(database)).toBe(await tableVersion()), { timeout: TRUST_MS + 2000, interval: 250 });
	});

	it('moves as soon as a report is filed here', async () => {
		const before = await mapVersion(database);
		await createReport(database, newReportSchema.parse({ type: 'problem', category: 'pothole', title: 'Nowa dziura', lng: 19.9372, lat: 50.0614 }));
		expect(await mapVersion(database)).toBeGreaterThan(before);
	});
});

describe('the map version and the statistics kept by it', () => {
	it('moves with an edit the map does not show but the statistics count (the channel, the dates)', async () => {
		const database = await testDatabase();
		const { id } = await createReport(database, newReportSchema.parse({ type: 'problem', category: 'pothole', title: 'Kanał zmieniony', lng: 19.9372, lat: 50.0614 }));
		for (const edit of [sql`channel = 'phone'`, sql`created_at = created_at - interval '1 day'`, sql`resolved_at = now()`]) {
			const before = (await database.rows<{ version: number }>(sql`SELECT version::int AS version FROM map_version`))[0].version;
			await database.db.execute(sql`UPDATE reports SET ${edit} WHERE id = ${id}`);
			const after = (await database.rows<{ version: number }>(sql`SELECT version::int AS version FROM map_version`))[0].version;
			expect(after).toBeGreaterThan(before);
		}
	});
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { connect, type Database } from '../../../src/lib/server/db/connect.ts';
import { clearReports, testDatabase } from '../../support/database.ts';

const url = process.env.TEST_DATABASE_URL;

/**
 * Many-row statements from several connections at once, touching the same map cells and counts in
 * opposite orders: summaries upserted in key order cannot deadlock, and the map version, bumped once
 * per transaction at its commit, counts every committed writer.
 */
describe.skipIf(!url)('concurrent writers', () => {
	let writers: Database[];
	let database: Database;

	beforeAll(async () => {
		database = await testDatabase();
		await clearReports(database);
		writers = await Promise.all([1, 2, 3, 4].map(() => connect({ databaseUrl: url })));
	});
	afterAll(async () => {
		await Promise.all(writers.map((w) => w.close()));
		await clearReports(database);
	});

	it('never deadlock, and each committed transaction moves the map version once', async () => {
		const [{ version: before }] = await database.rows<{ version: number }>(sql`SELECT version::int FROM map_version`);
		const [category] = await database.rows<{ id: number }>(sql`SELECT id FROM categories WHERE code = 'pothole'`);
		// 40 points on a line through the Old Town: every writer covers the same cells, half of them backwards.
		const points = Array.from({ length: 40 }, (_, i) => [19.93 + i * 0.0005, 50.06] as const);
		const rounds = 10;
		await Promise.all(
			writers.map((writer, w) =>
				(async () => {
					for (let round = 0; round < rounds; round++) {
						const ordered = w % 2 ? [...points].reverse() : points;
						await writer.db.transaction(async (tx) => {
							await tx.execute(sql`INSERT INTO reports (type, category_id, title, location, district_id, channel)
								SELECT 'problem', ${category.id}, 'Równoległy zapis', ST_SetSRID(ST_MakePoint(p.lng, p.lat), 4326), 1, 'online'
								FROM unnest(${`{${ordered.map((p) => p[0])}}`}::float8[], ${`{${ordered.map((p) => p[1])}}`}::float8[]) AS p(lng, lat)`);
							await tx.execute(sql`UPDATE reports SET status = 'accepted' WHERE title = 'Równoległy zapis' AND status = 'new' AND id % 2 = ${w % 2}`);
						});
					}
				})()
			)
		);
		const [{ version: after }] = await database.rows<{ version: number }>(sql`SELECT version::int FROM map_version`);
		expect(after - before).toBe(writers.length * rounds);
		const [{ cells, reports }] = await database.rows<{ cells: number; reports: number }>(
			sql`SELECT (SELECT coalesce(sum(reports), 0)::int FROM report_cells) AS cells, (SELECT count(*)::int FROM reports WHERE NOT hidden) AS reports`
		);
		expect(cells).toBe(reports);
	});
});

import { sql } from 'drizzle-orm';
import { connect, type Database } from '../../src/lib/server/db/connect.ts';
import { migrate } from '../../src/lib/server/db/migrate.ts';
import { syncCatalog } from '../../src/lib/server/catalog/sync.ts';
import { importDistricts, readGeoJson } from '../../src/lib/server/districts/import.ts';
import { mapChanged } from '../../src/lib/server/map/version.ts';
import { readConfig } from '../../src/lib/server/config.ts';

/** Kraków's boundaries, as the app imports them. */
export const DISTRICTS_FILE = readConfig().districtsSource;

let shared: Promise<Database> | undefined;

/**
 * The database under test: PostgreSQL + PostGIS at TEST_DATABASE_URL when set, otherwise a fresh
 * in-memory PGlite. Migrated, with the catalog and Kraków's districts, once per test run.
 */
export function testDatabase(): Promise<Database> {
	shared ??= (async () => {
		const database = await connect({ databaseUrl: process.env.TEST_DATABASE_URL, dataDir: 'memory://' });
		await migrate(database);
		await syncCatalog(database);
		await importDistricts(database, await readGeoJson(DISTRICTS_FILE));
		return database;
	})();
	return shared;
}

/** Removes every report (and with them votes, photos, history and counts) so a test starts from none. */
export async function clearReports(database: Database): Promise<void> {
	await database.db.execute(sql`TRUNCATE reports, report_counts, district_counts, report_cells, resolve_day_counts, open_day_counts RESTART IDENTITY CASCADE`);
	// TRUNCATE fires no row triggers: move the map version by hand, as any change to reports does.
	await database.db.execute(sql`UPDATE map_version SET version = version + 1`);
	mapChanged(database);
}

/** Counts rows of the tables a failed write must leave untouched. */
export async function rowCounts(database: Database): Promise<Record<string, number>> {
	const [counts] = await database.rows<Record<string, number>>(sql`
		SELECT (SELECT count(*)::int FROM reports) AS reports,
			(SELECT count(*)::int FROM status_changes) AS status_changes,
			(SELECT count(*)::int FROM reporter_contacts) AS reporter_contacts,
			(SELECT count(*)::int FROM districts) AS districts,
			(SELECT coalesce(sum(reports), 0)::int FROM report_counts) AS counted`);
	return counts;
}

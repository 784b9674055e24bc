/**
 * How fast the demo generator fills a real PostgreSQL + PostGIS database:
 *   BENCH_DATABASE_URL=postgres://… node tests/bench/seed-1m.ts [--size N]
 * It EMPTIES the reports of that database first, so give it one of its own (e.g. kck_bench).
 */
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { connect } from '../../src/lib/server/db/connect.ts';
import { migrate } from '../../src/lib/server/db/migrate.ts';
import { syncCatalog } from '../../src/lib/server/catalog/sync.ts';
import { importDistricts, readGeoJson } from '../../src/lib/server/districts/import.ts';
import { generateDemoReports } from '../../src/lib/server/demo/generate.ts';
import { clearReports } from '../support/database.ts';
import { readConfig } from '../../src/lib/server/config.ts';

const { values } = parseArgs({ options: { size: { type: 'string', default: '1000000' } } });
const size = Number(values.size);
const url = process.env.BENCH_DATABASE_URL;
if (!url || !/^postgres(ql)?:\/\//.test(url)) {
	console.error('BENCH_DATABASE_URL must be a postgres:// URL of a PostgreSQL + PostGIS server; the benchmark does not run on PGlite.');
	process.exit(2);
}
if (!Number.isInteger(size) || size < 1) {
	console.error(`--size must be a whole number ≥ 1, got "${values.size}"`);
	process.exit(2);
}

const database = await connect({ databaseUrl: url });
try {
	await migrate(database);
	await syncCatalog(database);
	const [{ districts }] = await database.rows<{ districts: number }>(sql`SELECT count(*)::int AS districts FROM districts`);
	if (districts === 0) {
		const source = readConfig().districtsSource;
		console.log(`Importing districts from ${source}`);
		await importDistricts(database, await readGeoJson(source));
	}
	console.log('Emptying the benchmark database: TRUNCATE reports and the tables derived from them');
	await clearReports(database);

	console.log(`Generating ${size} reports…`);
	const started = performance.now();
	let lastPrint = started;
	await generateDemoReports(database, {
		count: size,
		onProgress: (done) => {
			if (performance.now() - lastPrint < 10_000 && done < size) return;
			lastPrint = performance.now();
			console.log(`  ${done} reports, ${((lastPrint - started) / 1000).toFixed(0)} s`);
		}
	});
	const seconds = (performance.now() - started) / 1000;

	const analyzeStarted = performance.now();
	await database.db.execute(sql`ANALYZE`);
	const analyzeSeconds = (performance.now() - analyzeStarted) / 1000;

	const [figures] = await database.rows<{ reports: number; history: number; database: string; table: string }>(sql`
		SELECT (SELECT count(*)::int FROM reports) AS reports,
			(SELECT count(*)::int FROM status_changes) AS history,
			pg_size_pretty(pg_database_size(current_database())) AS database,
			pg_size_pretty(pg_total_relation_size('reports')) AS table`);
	console.log(`size:            ${size} reports (${figures.reports} in the table)`);
	console.log(`time:            ${seconds.toFixed(1)} s`);
	console.log(`rate:            ${Math.round(size / seconds)} reports/s`);
	console.log(`history rows:    ${figures.history}`);
	console.log(`database size:   ${figures.database}`);
	console.log(`reports (total): ${figures.table} with indexes and TOAST`);
	console.log(`ANALYZE:         ${analyzeSeconds.toFixed(1)} s`);
} finally {
	await database.close();
}

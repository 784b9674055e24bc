/**
 * Adds generated demo reports to the configured database (DATABASE_URL, or PGlite under DATA_DIR):
 *   node src/lib/server/cli/seed-demo.ts [--size N] [--seed S]
 * It never deletes anything; running it twice adds twice.
 */
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { readConfig } from '../config.ts';
import { connect } from '../db/connect.ts';
import { migrate } from '../db/migrate.ts';
import { syncCatalog } from '../catalog/sync.ts';
import { importDistricts, readGeoJson } from '../districts/import.ts';
import { generateDemoReports } from '../demo/generate.ts';

const { values } = parseArgs({ options: { size: { type: 'string', default: '12000' }, seed: { type: 'string', default: '1' } } });
const size = Number(values.size);
const seed = Number(values.seed);
if (!Number.isInteger(size) || size < 1) fail(`--size must be a whole number ≥ 1, got "${values.size}"`);
if (!Number.isInteger(seed)) fail(`--seed must be a whole number, got "${values.seed}"`);

const config = readConfig();
const database = await connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
	await addDemoReports();
} catch (e) {
	console.error((e as Error).message);
	process.exitCode = 1;
} finally {
	await database.close();
}

async function addDemoReports(): Promise<void> {
	console.log(`Database: ${config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.dataDir}`}`);
	await migrate(database);
	await syncCatalog(database);
	await ensureDistricts();
	const [{ existing }] = await database.rows<{ existing: number }>(sql`SELECT count(*)::int AS existing FROM reports`);
	console.log(`Adding ${size} generated reports (seed ${seed}) to the ${existing} already there; nothing is deleted (another --seed gives other reports).`);
	const started = performance.now();
	const { inserted } = await generateDemoReports(database, {
		count: size,
		seed,
		onProgress: (done) => progress(`  ${done} / ${size}`)
	});
	progress(`Added ${inserted} demo reports in ${((performance.now() - started) / 1000).toFixed(1)} s.`, true);
}

async function ensureDistricts(): Promise<void> {
	const [{ districts }] = await database.rows<{ districts: number }>(sql`SELECT count(*)::int AS districts FROM districts`);
	if (districts > 0) return;
	console.log(`No districts yet: importing them from ${config.districtsSource}`);
	try {
		await importDistricts(database, await readGeoJson(config.districtsSource));
	} catch (e) {
		throw new Error(
			`Demo reports need Kraków's districts, and importing them failed.\n${(e as Error).message}\n` +
				'Run the app set-up once with DISTRICTS_GEOJSON pointing at the boundaries, or set it for this command.'
		);
	}
}

/** Rewrites one line on a terminal; prints lines when the output goes to a file or CI log. */
function progress(line: string, last = false): void {
	if (process.stdout.isTTY) process.stdout.write(`\r${line}${last ? '\n' : ''}`);
	else console.log(line);
}

function fail(message: string): never {
	console.error(message);
	process.exit(2);
}

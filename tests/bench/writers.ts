/**
 * Concurrent report filing: `--writers` connections each file reports (createReport, one transaction
 * each, as the form does) for `--seconds`, on one PostgreSQL; prints reports per second, the p50/p99
 * of one filing and how many failed (a deadlock would show here):
 *   BENCH_DATABASE_URL=postgres://… node tests/bench/writers.ts [--writers 8] [--seconds 20] [--migrations DIR]
 * It adds the reports it files (titled "Benchmark writer …") and deletes them at the end.
 */
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { connect, type Database } from '../../src/lib/server/db/connect.ts';
import { migrate } from '../../src/lib/server/db/migrate.ts';
import { createReport } from '../../src/lib/server/reports/create.ts';
import { newReportSchema } from '../../src/lib/domain/report-input.ts';
import { ms, printTable } from './harness.ts';

// --migrations: another migrations folder, to measure the schema as it was before a change.
const { values } = parseArgs({ options: { writers: { type: 'string', default: '8' }, seconds: { type: 'string', default: '20' }, migrations: { type: 'string' } } });
const [writers, seconds] = [Number(values.writers), Number(values.seconds)];
const url = process.env.BENCH_DATABASE_URL;
if (!url) throw new Error('Set BENCH_DATABASE_URL to a postgres:// URL (a database of its own).');

// One database handle (pool) per writer, as separate app processes would have.
const databases: Database[] = await Promise.all(Array.from({ length: writers }, () => connect({ databaseUrl: url })));
await migrate(databases[0], values.migrations);
const [{ reports, server }] = await databases[0].rows<{ reports: number; server: string }>(
	sql`SELECT (SELECT count(*)::int FROM reports) AS reports, current_setting('server_version') AS server`
);
console.log(`Concurrent filing: ${writers} writers for ${seconds} s on ${reports.toLocaleString('en')} reports, PostgreSQL ${server}\n`);

const timings: number[] = [];
const failures = new Map<string, number>();
const until = performance.now() + seconds * 1000;
await Promise.all(
	databases.map(async (database, w) => {
		for (let i = 0; performance.now() < until; i++) {
			// Spread over the city, so writers touch different map cells and counts, as residents do.
			const input = newReportSchema.parse({
				type: 'problem',
				category: ['pothole', 'street_cleaning', 'grass_mowing', 'street_lighting'][i % 4],
				title: `Benchmark writer ${w}-${i}`,
				lng: 19.9 + ((w * 7 + i * 13) % 100) / 1000,
				lat: 50.03 + ((w * 11 + i * 17) % 60) / 1000
			});
			const started = performance.now();
			try {
				await createReport(database, input);
				timings.push(performance.now() - started);
			} catch (e) {
				const code = (e as { code?: string; cause?: { code?: string } }).cause?.code ?? (e as { code?: string }).code ?? (e as Error).message;
				failures.set(code, (failures.get(code) ?? 0) + 1);
			}
		}
	})
);
timings.sort((a, b) => a - b);
const at = (p: number) => timings[Math.min(timings.length - 1, Math.floor(p * timings.length))];
printTable([
	['writers', 'reports filed', 'reports/s', 'p50', 'p99', 'failed'],
	[String(writers), String(timings.length), (timings.length / seconds).toFixed(1), ms(at(0.5)), ms(at(0.99)), [...failures].map(([k, n]) => `${n} ${k}`).join(', ') || '0']
]);
await databases[0].db.execute(sql`DELETE FROM reports WHERE title LIKE 'Benchmark writer %'`);
await Promise.all(databases.map((d) => d.close()));

/**
 * Latency of the map layer (vector tiles at zoom 10, 13 and 16 over central Kraków) and of the 50 m
 * nearby query, through HTTP against the built app and in the database alone, on a real PostgreSQL:
 *   npm run build && BENCH_DATABASE_URL=postgres://… node tests/bench/map-layer.ts [--requests 1000]
 * Fill the database first with `npm run bench:seed` (1,000,000 reports). Nothing is written.
 *
 * HTTP/DB compares the app's answer with the same query timed alone (from this process, through the
 * same driver); HTTP−DB is what the app adds. Cluster tiles (z10, z13) are kept per map version, so
 * their HTTP figures are the memory's and their DB figures what the first request after a change
 * pays; the "uncached" case asks a new filter set each time to time that path through HTTP too.
 */
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { connect, type Database } from '../../src/lib/server/db/connect.ts';
import { tileQuery } from '../../src/lib/server/map/tiles.ts';
import { openReportsNear } from '../../src/lib/server/reports/nearby.ts';
import { NO_FILTERS, mapFiltersToParams, type MapFilters } from '../../src/lib/domain/map-filters.ts';
import { benchDatabaseUrl, centralPoints, centralTiles, ms, printTable, startApp, time } from './harness.ts';

const { values } = parseArgs({ options: { requests: { type: 'string', default: '1000' }, port: { type: 'string', default: '4391' } } });
const requests = Number(values.requests);
const url = benchDatabaseUrl();

const database: Database = await connect({ databaseUrl: url });
const app = await startApp(url, values.port);
try {
	const [{ reports, server }] = await database.rows<{ reports: number; server: string }>(
		sql`SELECT (SELECT count(*)::int FROM reports) AS reports, current_setting('server_version') AS server`
	);
	console.log(`Map layer benchmark: ${reports.toLocaleString('en')} reports, PostgreSQL ${server}, ${requests} timed requests per case, one at a time\n`);

	const cases: { name: string; http: (i: number) => Promise<number>; db: (i: number) => Promise<unknown>; target: number }[] = [];
	const version = (await (await fetch(`${app.origin}/api/map-version`)).json()).version;
	const tileCase = (z: number, name: string, filtersOf: (i: number) => MapFilters = () => NO_FILTERS) => {
		const tiles = centralTiles(z);
		cases.push({
			name,
			http: (i) => {
				const { x, y } = tiles[i % tiles.length];
				const query = mapFiltersToParams(filtersOf(i)).toString();
				return app.fetchBytes(`/tiles/${z}/${x}/${y}?v=${version}${query ? `&${query}` : ''}`);
			},
			db: (i) => database.rows(tileQuery(tiles[i % tiles.length], filtersOf(i))),
			target: 50
		});
	};
	tileCase(10, 'tile z10 (tiles per version)');
	tileCase(13, 'tile z13 (tiles per version)');
	// Cluster tiles are kept per version and filter set: a new pair of categories for each request misses that.
	const codes = (await database.rows<{ code: string }>(sql`SELECT code FROM categories ORDER BY code`)).map((c) => c.code);
	const pairs = codes.flatMap((a, i) => codes.slice(i + 1).map((b) => [a, b]));
	const z13Tiles = centralTiles(13).length;
	tileCase(13, 'tile z13 uncached (2 categories)', (i) => ({ ...NO_FILTERS, categories: pairs[Math.floor(i / z13Tiles) % pairs.length] }));
	tileCase(16, 'tile z16');
	tileCase(16, 'tile z16 open problems', () => ({ ...NO_FILTERS, type: 'problem', onlyOpen: true }));
	tileCase(13, 'tile z13 last 30 days', () => ({ ...NO_FILTERS, period: '30d' }));
	const points = centralPoints(requests + 30);
	cases.push({
		name: 'nearby 50 m',
		http: (i) => app.fetchBytes(`/api/reports/nearby?lng=${points[i].lng}&lat=${points[i].lat}&category=pothole`),
		db: (i) => openReportsNear(database, points[i], { category: 'pothole' }),
		target: 10
	});

	const rows: string[][] = [['case', 'HTTP p50', 'HTTP p99', 'DB p50', 'DB p99', 'HTTP/DB p50', 'HTTP−DB p50', 'bytes mean', 'bytes max', 'target p99']];
	for (const c of cases) {
		const db = await time(requests, c.db);
		const http = await time(requests, c.http);
		rows.push([
			c.name,
			ms(http.p50),
			ms(http.p99),
			ms(db.p50),
			ms(db.p99),
			`${(http.p50 / db.p50).toFixed(2)}x`,
			ms(http.p50 - db.p50),
			String(http.bytes?.mean ?? ''),
			String(http.bytes?.max ?? ''),
			`${http.p99 < c.target ? 'met' : 'MISSED'} (< ${c.target} ms)`
		]);
	}
	printTable(rows);
} finally {
	app.stop();
	await database.close();
}

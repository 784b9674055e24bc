/**
 * Open data through the built app on a real PostgreSQL: the full CSV and GeoJSON downloads of every
 * report, in rows per second, with the app's resident memory before and at its peak, and the CSV's
 * COPY read by this process alone (no app, no HTTP: what PostgreSQL allows); then district
 * feeds, p50/p99, read again per filter set (a new district and category each time) and from the
 * per-version memory; then Open311 `requests.json` pages, p50/p99 through HTTP and listed alone, with
 * how many requests each case matches:
 *   npm run build && BENCH_DATABASE_URL=postgres://… node tests/bench/export.ts
 * Fill the database first with `npm run bench:seed` (1,000,000 reports). Nothing is written.
 */
import http from 'node:http';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { connect } from '../../src/lib/server/db/connect.ts';
import { exportQuery } from '../../src/lib/server/export/reports.ts';
import { parseExportFilters } from '../../src/lib/domain/export-filters.ts';
import { listRequests, parseRequestQuery, requestConditions } from '../../src/lib/server/open311/requests.ts';
import { where } from '../../src/lib/server/map/filter-sql.ts';
import { benchDatabaseUrl, ms, printTable, rssMb, startApp, time } from './harness.ts';

const { values } = parseArgs({ options: { port: { type: 'string', default: '4393' } } });
const url = benchDatabaseUrl();
const database = await connect({ databaseUrl: url });
const app = await startApp(url, values.port);

/** Downloads `path` as a slow-enough client would (reading as it comes), counting rows by their line ends. */
function download(path: string, rowEnd: Buffer): Promise<{ rows: number; bytes: number; seconds: number; peakRss: number }> {
	return new Promise((resolve, reject) => {
		const started = performance.now();
		let [rows, bytes, peakRss] = [0, 0, 0];
		const sampling = setInterval(() => rssMb(app.pid).then((mb) => (peakRss = Math.max(peakRss, mb))), 50);
		http
			.get(app.origin + path, (response) => {
				if (response.statusCode !== 200) reject(new Error(`${path}: HTTP ${response.statusCode}`));
				// A row's end may be split between two chunks: each chunk is searched with the previous one's tail.
				let tail = Buffer.alloc(0);
				response.on('data', (chunk: Buffer) => {
					bytes += chunk.length;
					const text = Buffer.concat([tail, chunk]);
					for (let i = text.indexOf(rowEnd); i !== -1; i = text.indexOf(rowEnd, i + rowEnd.length)) rows++;
					tail = text.subarray(Math.max(0, text.length - rowEnd.length + 1));
				});
				response.on('end', () => {
					clearInterval(sampling);
					resolve({ rows, bytes, seconds: (performance.now() - started) / 1000, peakRss });
				});
			})
			.on('error', reject);
	});
}

try {
	const [{ reports, server }] = await database.rows<{ reports: number; server: string }>(
		sql`SELECT (SELECT count(*)::int FROM reports WHERE NOT hidden) AS reports, current_setting('server_version') AS server`
	);
	console.log(`Export benchmark: ${reports.toLocaleString('en')} public reports, PostgreSQL ${server}\n`);
	const rows = [['download', 'rows', 'MB', 'seconds', 'rows/s', 'app RSS before', 'app RSS peak', 'growth', 'target']];
	for (const [name, path, rowEnd] of [
		// Lines: a title or description holding a line break would count twice (the demo data holds none).
		['CSV', '/data/reports.csv', '\n'],
		['GeoJSON', '/data/reports.geojson', '"type":"Feature"']
	] as const) {
		const before = await rssMb(app.pid);
		const result = await download(path, Buffer.from(rowEnd));
		const counted = name === 'CSV' ? result.rows - 1 : result.rows; // the CSV's header row
		const rate = counted / result.seconds;
		rows.push([
			name,
			counted.toLocaleString('en'),
			(result.bytes / 1e6).toFixed(1),
			result.seconds.toFixed(2),
			Math.round(rate).toLocaleString('en'),
			`${before.toFixed(0)} MB`,
			`${result.peakRss.toFixed(0)} MB`,
			`${(result.peakRss - before).toFixed(0)} MB`,
			name === 'CSV' ? `${rate >= 300_000 ? 'met' : 'MISSED'} (≥ 300,000 rows/s); RSS growth ${result.peakRss - before < 100 ? 'met' : 'MISSED'} (< 100 MB)` : ''
		]);
	}
	const everything = parseExportFilters(new URLSearchParams());
	if (!everything.ok) throw new Error('default export filters refused');
	const started = performance.now();
	let [copied, bytes] = [-1, 0]; // less the header row
	for await (const piece of database.copyCsv!(exportQuery(everything.filters))) {
		bytes += piece.length;
		for (let i = piece.indexOf(10); i !== -1; i = piece.indexOf(10, i + 1)) copied++;
	}
	const seconds = (performance.now() - started) / 1000;
	rows.push(['CSV, COPY alone', copied.toLocaleString('en'), (bytes / 1e6).toFixed(1), seconds.toFixed(2), Math.round(copied / seconds).toLocaleString('en'), '', '', '', '']);
	printTable(rows);

	const codes = (await database.rows<{ code: string }>(sql`SELECT code FROM categories ORDER BY code`)).map((c) => c.code);
	const feeds = [['feed', 'p50', 'p99', 'bytes mean']];
	const uncached = await time(200, (i) => app.fetchBytes(`/feeds/reports.atom?district=${1 + (i % 18)}&category=${codes[Math.floor(i / 18) % codes.length]}`), 0);
	const district = await time(200, (i) => app.fetchBytes(`/feeds/reports.atom?district=${1 + (i % 18)}`));
	feeds.push(['district + category feed, read per filter set', ms(uncached.p50), ms(uncached.p99), String(uncached.bytes?.mean)]);
	feeds.push(['district feed, per-version memory', ms(district.p50), ms(district.p99), String(district.bytes?.mean)]);
	console.log('');
	printTable(feeds);

	// The most requested service of the default window, so its filter keeps a full first page.
	const [{ code }] = await database.rows<{ code: string }>(sql`SELECT c.code FROM reports r JOIN categories c ON c.id = r.category_id
		${where([sql`NOT r.hidden`, ...requestConditions(parseRequestQuery(new URLSearchParams()))])} GROUP BY c.code ORDER BY count(*) DESC LIMIT 1`);
	const open311 = [['Open311 requests.json', 'matching', 'HTTP p50', 'HTTP p99', 'listed alone p50', 'listed alone p99', 'bytes mean']];
	for (const [name, params] of [
		['default (last 90 days, page_size 1000)', ''],
		[`service_code=${code}`, `service_code=${code}`],
		['status=open', 'status=open'],
		['page=5', 'page=5']
	]) {
		const query = parseRequestQuery(new URLSearchParams(params));
		const [{ matching }] = await database.rows<{ matching: number }>(sql`SELECT count(*)::int AS matching FROM reports r JOIN categories c ON c.id = r.category_id
			${where([sql`NOT r.hidden`, ...requestConditions(query)])}`);
		const http = await time(100, () => app.fetchBytes(`/open311/v2/requests.json?${params}`), 10);
		const alone = await time(100, () => listRequests(database, query, 'pl', app.origin), 10);
		open311.push([name, matching.toLocaleString('en'), ms(http.p50), ms(http.p99), ms(alone.p50), ms(alone.p99), String(http.bytes?.mean)]);
	}
	console.log('');
	printTable(open311);
} finally {
	app.stop();
	await database.close();
}

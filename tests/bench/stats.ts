/**
 * Latency of the statistics: the statistics page's data, one filtered view (a district, a category,
 * twelve months) and a district page, warm (the per-version cache) and cold (the first request after
 * a change), through HTTP against the built app and computed alone; then the same figures computed
 * from the raw `reports` table, to show what the summary tables save:
 *   npm run build && BENCH_DATABASE_URL=postgres://… node tests/bench/stats.ts [--requests 200]
 * Fill the database first with `npm run bench:seed` (1,000,000 reports). It writes only map_version.
 */
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { connect } from '../../src/lib/server/db/connect.ts';
import { statistics } from '../../src/lib/server/stats/figures.ts';
import { parseStatsFilters, statsFiltersToParams, warsawDay, type StatsFilters } from '../../src/lib/domain/stats-filters.ts';
import { OPEN_STATUSES } from '../../src/lib/domain/status.ts';
import { literals } from '../../src/lib/server/db/literals.ts';
import { benchDatabaseUrl, ms, printTable, startApp, time, type Timing } from './harness.ts';

const { values } = parseArgs({ options: { requests: { type: 'string', default: '200' }, port: { type: 'string', default: '4392' } } });
const requests = Number(values.requests);
const coldRequests = Math.max(10, Math.round(requests / 4));
const url = benchDatabaseUrl();

const database = await connect({ databaseUrl: url });
const app = await startApp(url, values.port);

/** Moves the map version, as any change to reports does, and waits until the app has heard of it. */
async function change(): Promise<void> {
	const [{ version }] = await database.rows<{ version: number }>(sql`UPDATE map_version SET version = version + 1 RETURNING version::int AS version`);
	for (;;) {
		const seen = (await (await fetch(`${app.origin}/api/map-version`)).json()) as { version: number };
		if (seen.version >= version) return;
		await new Promise((r) => setTimeout(r, 2));
	}
}

/** The same figures as statistics() for the same filters, computed from raw reports (what the summaries replace). */
function fromRawReports(filters: StatsFilters, today: string) {
	const range = sql`NOT hidden AND created_at >= (${filters.from + '-01'}::date::timestamp AT TIME ZONE 'Europe/Warsaw')
		AND created_at < ((${filters.to + '-01'}::date + interval '1 month')::timestamp AT TIME ZONE 'Europe/Warsaw')
		${filters.district ? sql`AND district_id = ${filters.district}` : sql``}
		${filters.category ? sql`AND category_id = (SELECT id FROM categories WHERE code = ${filters.category})` : sql``}`;
	const month = sql`date_trunc('month', created_at AT TIME ZONE 'Europe/Warsaw')`;
	const days = sql`floor(extract(epoch FROM resolved_at - created_at) / 86400)`;
	const percentiles = (key: ReturnType<typeof sql>) => database.rows(sql`
		SELECT ${key} AS key, percentile_disc(0.5) WITHIN GROUP (ORDER BY ${days}) AS median, percentile_disc(0.9) WITHIN GROUP (ORDER BY ${days}) AS p90
		FROM reports WHERE ${range} AND status = 'resolved' GROUP BY 1`);
	return Promise.all([
		database.rows(sql`SELECT ${month}, type, channel, status, count(*) FROM reports WHERE ${range} GROUP BY 1, 2, 3, 4`),
		database.rows(sql`SELECT district_id, status, count(*) FROM reports WHERE ${range} GROUP BY 1, 2`),
		database.rows(sql`SELECT category_id, status, count(*) FROM reports WHERE ${range} GROUP BY 1, 2`),
		percentiles(month),
		percentiles(sql`district_id`),
		percentiles(sql`category_id`),
		database.rows(sql`SELECT count(*) FILTER (WHERE ${today}::date - (created_at AT TIME ZONE 'Europe/Warsaw')::date < 7) AS under7,
			count(*) FILTER (WHERE ${today}::date - (created_at AT TIME ZONE 'Europe/Warsaw')::date >= 90) AS over90
			FROM reports WHERE ${range} AND status IN (${literals(OPEN_STATUSES)})`)
	]);
}

try {
	const [{ reports, server }] = await database.rows<{ reports: number; server: string }>(
		sql`SELECT (SELECT count(*)::int FROM reports) AS reports, current_setting('server_version') AS server`
	);
	const today = warsawDay(new Date());
	const parsed = parseStatsFilters(new URLSearchParams(), today.slice(0, 7));
	if (!parsed.ok) throw new Error('default filters refused');
	const whole = parsed.filters;
	const [{ code }] = await database.rows<{ code: string }>(sql`SELECT c.code FROM reports r JOIN categories c ON c.id = r.category_id
		WHERE r.district_id = 5 GROUP BY c.code ORDER BY count(*) DESC LIMIT 1`);
	const narrow: StatsFilters = { ...whole, district: 5, category: code };
	console.log(
		`Statistics benchmark: ${reports.toLocaleString('en')} reports, PostgreSQL ${server}, months ${whole.from} to ${whole.to}, ` +
			`${requests} timed requests per warm case and ${coldRequests} per cold one, one at a time\n`
	);

	const cases: { name: string; http: Timing; alone?: Timing; target: number }[] = [];
	const measure = async (name: string, path: string, filters: StatsFilters) => {
		cases.push({ name: `${name}, warm`, http: await time(requests, () => app.fetchBytes(path)), target: 100 });
		cases.push({
			name: `${name}, cold`,
			http: await time(coldRequests, async () => (await change(), app.fetchBytes(path)), 3),
			alone: await time(coldRequests, () => statistics(database, filters, today), 3),
			target: 300
		});
	};
	await measure('statistics page', '/stats/__data.json', whole);
	await measure(`filtered: district 5, ${code}, 12 months`, `/stats/__data.json?${statsFiltersToParams(narrow)}`, narrow);
	await measure('district page (district 5)', '/districts/5/__data.json', { ...whole, district: 5 });
	const raw = await time(Math.min(coldRequests, 20), () => fromRawReports(whole, today), 2);
	const rawNarrow = await time(Math.min(coldRequests, 20), () => fromRawReports(narrow, today), 2);

	const rows = [['case', 'HTTP p50', 'HTTP p99', 'computed alone p50', 'computed alone p99', 'bytes mean', 'target p99']];
	for (const c of cases) {
		rows.push([
			c.name,
			ms(c.http.p50),
			ms(c.http.p99),
			c.alone ? ms(c.alone.p50) : '',
			c.alone ? ms(c.alone.p99) : '',
			String(c.http.bytes?.mean ?? ''),
			`${c.http.p99 < c.target ? 'met' : 'MISSED'} (< ${c.target} ms)`
		]);
	}
	rows.push(['the same figures from raw reports (whole city)', '', '', ms(raw.p50), ms(raw.p99), '', '']);
	rows.push(['the same figures from raw reports (filtered)', '', '', ms(rawNarrow.p50), ms(rawNarrow.p99), '', '']);
	printTable(rows);
} finally {
	app.stop();
	await database.close();
}

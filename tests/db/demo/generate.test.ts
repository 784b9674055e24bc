import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '../../../src/lib/server/db/connect.ts';
import { INTERVENTION_OUTCOMES, OPEN_STATUSES } from '../../../src/lib/domain/status.ts';
import { generateDemoReports, type DemoOptions } from '../../../src/lib/server/demo/generate.ts';
import { clearReports, testDatabase } from '../../support/database.ts';

const COUNT = 2000;
// A fixed "now" and a batch size that leaves a partial last batch.
const options: DemoOptions = { count: COUNT, seed: 42, now: new Date('2026-06-15T12:00:00Z'), batchSize: 700 };
const inList = (values: readonly string[]) => sql.join(values.map((v) => sql`${v}`), sql`, `);

let database: Database;
let progress: number[];
let inserted: number;

async function one<T>(query: ReturnType<typeof sql>): Promise<T> {
	const [row] = await database.rows<T>(query);
	return row;
}

/** One hash over every generated row of both tables, report ids and references included (history row ids follow commit order). */
async function fingerprint(): Promise<{ reports: string; history: string }> {
	return one(sql`SELECT
		(SELECT md5(string_agg(concat_ws('|', id, public_ref, type, category_id, title, description, ST_AsText(location), district_id,
			address, channel, status, department_id, created_at, updated_at, resolved_at, vote_count, duplicate_of_id, hidden, is_generated),
			E'\n' ORDER BY id)) FROM reports) AS reports,
		(SELECT md5(string_agg(concat_ws('|', report_id, from_status, to_status, note, actor, department_id, created_at),
			E'\n' ORDER BY report_id, created_at)) FROM status_changes) AS history`);
}

beforeAll(async () => {
	database = await testDatabase();
	await clearReports(database);
	progress = [];
	({ inserted } = await generateDemoReports(database, { ...options, onProgress: (done) => progress.push(done) }));
});
afterAll(() => clearReports(database));

describe('generating demo reports', () => {
	it('inserts the count in batches, all marked as generated', async () => {
		expect(inserted).toBe(COUNT);
		expect(progress).toEqual([700, 1400, 2000]);
		expect(await one(sql`SELECT count(*)::int AS n, bool_and(is_generated) AS generated, bool_or(hidden) AS hidden FROM reports`)).toEqual({
			n: COUNT,
			generated: true,
			hidden: false
		});
	});

	it('places every report inside its own district and the city', async () => {
		expect(
			await one(sql`SELECT
				(SELECT count(*)::int FROM reports r JOIN districts d ON d.id = r.district_id WHERE NOT ST_Intersects(d.boundary, r.location)) AS outside_district,
				(SELECT count(*)::int FROM reports r CROSS JOIN city_boundary c WHERE NOT ST_Intersects(c.boundary, r.location)) AS outside_city,
				(SELECT count(DISTINCT district_id)::int FROM reports) AS districts`)
		).toEqual({ outside_district: 0, outside_city: 0, districts: 18 });
	});

	it('spreads reports over the period, types and channels in realistic shares', async () => {
		const shares = await one<Record<string, number>>(sql`SELECT
			avg((type = 'idea')::int)::float8 AS idea,
			avg((channel = 'online')::int)::float8 AS online,
			avg((channel = 'phone')::int)::float8 AS phone,
			avg((channel = 'email')::int)::float8 AS email,
			avg((channel = 'in_person')::int)::float8 AS in_person,
			min(created_at) >= '2023-01-01T00:00:00+01:00' AND max(created_at) <= ${options.now!.toISOString()}::timestamptz AS in_period
			FROM reports`);
		expect(shares.in_period).toBe(true);
		expect(shares.idea).toBeGreaterThan(0.04);
		expect(shares.idea).toBeLessThan(0.1);
		expect(shares.online).toBeGreaterThan(0.65);
		expect(shares.online).toBeLessThan(0.75);
		expect(shares.phone).toBeGreaterThan(0.18);
		expect(shares.phone).toBeLessThan(0.26);
		expect(shares.email).toBeGreaterThan(0.035);
		expect(shares.email).toBeLessThan(0.085);
		expect(shares.in_person).toBeGreaterThan(0.005);
		expect(shares.in_person).toBeLessThan(0.04);
	});

	it('resolves 83–93% of closed interventions; recent reports are mostly open, old ones closed', async () => {
		const figures = await one<Record<string, number>>(sql`SELECT
			avg((status = 'resolved')::int) FILTER (WHERE status IN (${inList(INTERVENTION_OUTCOMES)}))::float8 AS resolution,
			avg((status IN (${inList(OPEN_STATUSES)}))::int) FILTER (WHERE created_at > ${options.now!.toISOString()}::timestamptz - interval '60 days')::float8 AS recent_open,
			avg((status IN (${inList(OPEN_STATUSES)}))::int) FILTER (WHERE created_at < ${options.now!.toISOString()}::timestamptz - interval '1 year')::float8 AS old_open
			FROM reports`);
		expect(figures.resolution).toBeGreaterThan(0.83);
		expect(figures.resolution).toBeLessThan(0.93);
		expect(figures.recent_open).toBeGreaterThan(0.4);
		expect(figures.old_open).toBeLessThan(0.05);
	});

	it('keeps each report consistent with its history', async () => {
		expect(
			await one(sql`SELECT
				count(*) FILTER (WHERE r.status IS DISTINCT FROM last.to_status OR r.updated_at IS DISTINCT FROM last.created_at)::int AS last_step,
				count(*) FILTER (WHERE first.to_status <> 'new' OR first.from_status IS NOT NULL OR first.created_at <> r.created_at
					OR first.actor <> CASE WHEN r.channel = 'online' THEN 'resident' ELSE 'kck' END)::int AS first_step,
				count(*) FILTER (WHERE (r.status = 'resolved') <> (r.resolved_at IS NOT NULL) OR r.resolved_at <> coalesce(last.created_at, r.resolved_at))::int AS resolved_at,
				count(*) FILTER (WHERE r.department_id IS DISTINCT FROM forwarded.department_id)::int AS department
			FROM reports r
			CROSS JOIN LATERAL (SELECT * FROM status_changes s WHERE s.report_id = r.id ORDER BY s.created_at DESC, s.id DESC LIMIT 1) last
			CROSS JOIN LATERAL (SELECT * FROM status_changes s WHERE s.report_id = r.id ORDER BY s.created_at, s.id LIMIT 1) first
			LEFT JOIN LATERAL (SELECT s.department_id FROM status_changes s WHERE s.report_id = r.id AND s.to_status = 'forwarded'
				ORDER BY s.created_at DESC LIMIT 1) forwarded ON true`)
		).toEqual({ last_step: 0, first_step: 0, resolved_at: 0, department: 0 });
	});

	it('forwards to the category unit and links duplicates to an earlier report of the same category', async () => {
		expect(
			await one(sql`SELECT
				(SELECT count(*)::int FROM status_changes s JOIN reports r ON r.id = s.report_id JOIN categories c ON c.id = r.category_id
					JOIN departments d ON d.id = s.department_id
					WHERE s.to_status = 'forwarded' AND (s.department_id <> c.default_department_id OR s.note NOT LIKE '%' || d.name_pl || '%')) AS wrong_forward,
				(SELECT count(*)::int FROM status_changes WHERE to_status = 'forwarded' AND department_id IS NULL) AS forward_without_unit,
				(SELECT count(*)::int FROM reports r LEFT JOIN reports o ON o.id = r.duplicate_of_id
					WHERE (r.status = 'duplicate') <> (r.duplicate_of_id IS NOT NULL)
						OR o.id >= r.id OR o.created_at > r.created_at OR o.category_id <> r.category_id) AS wrong_duplicate,
				(SELECT count(*)::int FROM reports WHERE status = 'duplicate') AS duplicates`)
		).toMatchObject({ wrong_forward: 0, forward_without_unit: 0, wrong_duplicate: 0, duplicates: expect.any(Number) });
	});

	it('keeps report_counts equal to the reports it counts', async () => {
		const mismatches = await database.rows(sql`
			WITH actual AS (
				SELECT report_month(created_at) AS month, district_id, category_id, channel, status, count(*)::int AS reports,
					sum(report_resolve_seconds(status, created_at, resolved_at))::bigint AS resolve_seconds
				FROM reports WHERE NOT hidden GROUP BY 1, 2, 3, 4, 5
			)
			SELECT * FROM actual FULL JOIN (SELECT * FROM report_counts WHERE reports <> 0) c USING (month, district_id, category_id, channel, status)
			WHERE actual.reports IS DISTINCT FROM c.reports OR actual.resolve_seconds IS DISTINCT FROM c.resolve_seconds`);
		expect(mismatches).toEqual([]);
		expect(await one(sql`SELECT sum(reports)::int AS counted FROM report_counts`)).toEqual({ counted: COUNT });
	});

	it('makes the same data from the same seed, and other data from another', async () => {
		const first = await fingerprint();
		await clearReports(database);
		await generateDemoReports(database, options);
		expect(await fingerprint()).toEqual(first);
		await clearReports(database);
		await generateDemoReports(database, { ...options, seed: 43 });
		const other = await fingerprint();
		expect(other.reports).not.toBe(first.reports);
		expect(other.history).not.toBe(first.history);
	});

	it('adds nothing for a count of 0 and refuses an empty period', async () => {
		expect(await generateDemoReports(database, { count: 0 })).toEqual({ inserted: 0 });
		await expect(generateDemoReports(database, { count: 1, since: options.now, now: options.now })).rejects.toThrow(/since/);
	});
});

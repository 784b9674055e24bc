/**
 * Two production servers on one PostgreSQL + PostGIS database behave as one site: a report filed
 * through one shows on the other's map version and figures within a second (NOTIFY), and what must
 * be shared is shared in the database: rate limits, login throttling and submission keys.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import postgres from 'postgres';
import { cluster, ROOT, startBuiltApp, type BuiltApp } from '../support/built-app.ts';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

let clusterDir: string;
let sql: postgres.Sql;
let a: BuiltApp;
let b: BuiltApp;
let databaseUrl: string;

/** Rate limits as in production: one address, the test's, across both processes. */
const PRODUCTION_LIMITS = { RATE_LIMIT_FACTOR: '1' };

beforeAll(async () => {
	clusterDir = mkdtempSync(path.join(tmpdir(), 'kck-map-two-pg.'));
	databaseUrl = (await cluster('start', clusterDir)).stdout.trim();
	sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
	// One after the other: the first sets the database up and adds the demo reports.
	a = await startBuiltApp(databaseUrl, { DEMO_REPORTS: '60', ...PRODUCTION_LIMITS });
	b = await startBuiltApp(databaseUrl, PRODUCTION_LIMITS);
}, 120_000);

afterAll(async () => {
	await Promise.all([a?.stop(), b?.stop()]);
	await sql?.end({ timeout: 1 });
	if (clusterDir) await cluster('stop', clusterDir);
});

const version = async (app: BuiltApp) => (JSON.parse((await app.ask('/api/map-version')).body) as { version: number }).version;
const reportForm = (title: string, submission: string) =>
	new URLSearchParams({ type: 'problem', category: 'pothole', title, lng: '19.9383', lat: '50.0614', submission });
const file = (app: BuiltApp, title: string, submission: string) =>
	app.ask('/report', { method: 'POST', body: reportForm(title, submission), headers: { origin: app.base, accept: 'application/json', 'x-sveltekit-action': 'true' } });
/** The map page's count of reports, as that process computes and caches it per map version. */
const total = async (app: BuiltApp) => Number(/data-testid="summary">\s*([\d\s\u00a0]+) zgłoszeń/.exec((await app.ask('/')).body)![1].replace(/\D/g, ''));

describe('two app processes on one database', () => {
	it('a report filed through one shows on the other’s map version and figures within a second', async () => {
		const [versionBefore, totalBefore] = [await version(b), await total(b)];
		const filed = await file(a, 'Zgłoszone przez pierwszy proces', 'two-processes-0001');
		expect(filed.body).toContain('"type":"redirect"');
		const started = performance.now();
		while ((await version(b)) <= versionBefore) {
			expect(performance.now() - started, 'the other process heard of the change').toBeLessThan(1000);
			await new Promise((r) => setTimeout(r, 10));
		}
		console.log(`the other process saw the new map version ${Math.round(performance.now() - started)} ms after the answer`);
		expect(await total(b)).toBe(totalBefore + 1);
	});

	it('the same submission sent to both at once files one report', async () => {
		const answers = await Promise.all([a, b].map((app) => file(app, 'Wysłane do obu procesów', 'two-processes-0002')));
		const refs = answers.map((answer) => /KCK-\d{4}-\d{6}/.exec(answer.body)?.[0]);
		expect(refs[0]).toBeDefined();
		expect(refs[1]).toBe(refs[0]);
		const [{ n }] = await sql`SELECT count(*)::int AS n FROM reports WHERE title = 'Wysłane do obu procesów'`;
		expect(n).toBe(1);
	});

	it('one address’s votes on one report count against one limit, whichever process takes them', async () => {
		const [{ id }] = await sql`SELECT id::int FROM reports WHERE status IN ('new', 'accepted') AND NOT hidden ORDER BY id LIMIT 1`;
		// Ten voters with no cookie (each a new voter id), one address, alternating between the processes.
		const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).ask(`/api/reports/${id}/votes`, { method: 'POST' })));
		expect(answers.filter((x) => x.status === 200)).toHaveLength(5);
		const refused = answers.filter((x) => x.status === 429);
		expect(refused).toHaveLength(5);
		for (const answer of refused) expect(Number(answer.retryAfter)).toBeGreaterThan(0);
		const [{ votes }] = await sql`SELECT vote_count AS votes FROM reports WHERE id = ${id}`;
		expect(votes).toBe(5);
	});

	it('failed logins count across both processes', async () => {
		await promisify(execFile)(process.execPath, ['src/lib/server/cli/create-admin.ts', '--email', 'admin@two.test', '--name', 'Admin'], {
			cwd: ROOT,
			env: { ...process.env, DATABASE_URL: databaseUrl, STAFF_PASSWORD: 'two processes password' }
		});
		const logIn = (app: BuiltApp, password: string) =>
			app.ask('/staff/login', { method: 'POST', body: new URLSearchParams({ email: 'admin@two.test', password }), headers: { origin: app.base, accept: 'text/html' } });
		for (let i = 0; i < 5; i++) expect((await logIn(i % 2 ? a : b, 'wrong password')).status).toBe(401);
		const refused = await logIn(a, 'two processes password');
		expect(refused.status).toBe(429);
		expect(refused.retryAfter).toBe('900');
		expect(refused.body).toContain('Zbyt wiele nieudanych prób logowania');
		expect((await logIn(b, 'two processes password')).status).toBe(429);
	});
});

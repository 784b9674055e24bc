/**
 * The production build (`node build`) on a throwaway PostgreSQL + PostGIS cluster, under a steady
 * load with a burst, while PostgreSQL restarts (fast, then immediate) and then stays down for a
 * moment: the process lives, never answers 500, hangs no request, and recovers by itself.
 */
import { mkdtempSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import postgres from 'postgres';
import { tileOf } from '../support/tiles.ts';
import { cluster, filingOutcome, startBuiltApp, untilHealthy, type Answer, type BuiltApp } from '../support/built-app.ts';

/** No answer may take longer than this, outage or not. */
const HANG_MS = 5000;
/** Once PostgreSQL is back, requests must succeed within this. */
const RECOVERY_MS = 2000;

let clusterDir: string;
let app: BuiltApp;
let sql: postgres.Sql;
let urls: string[];
let problemCategory: string;

/** An answer, or status 0 when the process is gone or the request hung past twice HANG_MS. */
const ask = (url: string, init: RequestInit = {}) => app.ask(url, init, HANG_MS * 2);

/** What the server answered to each report filed during the load, by its unique title. */
const filings = new Map<string, 'saved' | 'not_saved' | 'unknown'>();

/**
 * `readers` loops asking the mix of URLs, and `writers` loops filing reports (each a transaction,
 * the path where a lost connection used to crash the driver), until stopped; every answer is kept.
 */
function steadyLoad(readers: number, writers: number) {
	const answers: Answer[] = [];
	let running = true;
	const reading = Array.from({ length: readers }, async (_, w) => {
		for (let i = w; running; i++) answers.push(await ask(urls[i % urls.length]));
	});
	const writing = Array.from({ length: writers }, async () => {
		while (running) {
			const title = `Obciążenie ${filings.size + 1} ${Math.random().toString(36).slice(2, 8)}`;
			const answer = await fileReport(title);
			answers.push(answer);
			filings.set(title, filingOutcome(answer));
		}
	});
	return {
		stop: async () => {
			running = false;
			await Promise.all([...reading, ...writing]);
			return answers;
		}
	};
}

function expectNoFailures(answers: Answer[]) {
	const bad = answers.filter((a) => a.status === 0 || (a.status >= 500 && a.status !== 503));
	expect(bad.map((a) => `${a.status} ${a.url} ${a.body.slice(0, 200)}`), app.log().slice(-3000)).toEqual([]);
	const slow = answers.filter((a) => a.ms > HANG_MS);
	expect(slow.map((a) => `${Math.round(a.ms)} ms ${a.url}`)).toEqual([]);
	for (const a of answers.filter((a) => a.status === 503)) {
		expect(a.retryAfter, a.url).toMatch(/^\d+$/);
		expect(a.body, a.url).not.toMatch(/\bat .+:\d+:\d+/); // no stack trace
	}
}

async function mapVersion(): Promise<number> {
	return (JSON.parse((await ask('/api/map-version')).body) as { version: number }).version;
}

async function fileReport(title: string): Promise<Answer> {
	const form = new FormData();
	for (const [name, value] of Object.entries({ type: 'problem', category: problemCategory, title, lng: '19.9383', lat: '50.0614' })) {
		form.set(name, value);
	}
	// As the page's script sends it (use:enhance): the answer is JSON, so the form keeps what was typed.
	return ask('/report', { method: 'POST', body: form, headers: { origin: app.base, accept: 'application/json', 'x-sveltekit-action': 'true' } });
}

beforeAll(async () => {
	clusterDir = mkdtempSync(path.join(tmpdir(), 'kck-map-restart-pg.'));
	const url = (await cluster('start', clusterDir)).stdout.trim();
	sql = postgres(url, { max: 1, onnotice: () => {} });
	app = await startBuiltApp(url);

	const [report] = await sql<{ ref: string }[]>`SELECT public_ref AS ref FROM reports ORDER BY id LIMIT 1`;
	[{ code: problemCategory }] = await sql<{ code: string }[]>`SELECT code FROM categories WHERE type = 'problem' ORDER BY id LIMIT 1`;
	const [z16, z13] = [tileOf(19.9383, 50.0614, 16), tileOf(19.9383, 50.0614, 13)];
	urls = [
		'/',
		'/api/map-version',
		'/api/reports/nearby?lng=19.9383&lat=50.0614',
		`/tiles/16/${z16.x}/${z16.y}`,
		`/tiles/13/${z13.x}/${z13.y}`,
		`/reports/${report.ref}`,
		'/stats'
	];
}, 120_000);

afterAll(async () => {
	await app?.stop();
	await sql?.end({ timeout: 1 });
	if (clusterDir) await cluster('stop', clusterDir);
});

describe('a PostgreSQL restart under load', () => {
	it.each(['fast', 'immediate'])('%s restart with a burst: the app stays up, answers 503 or success, and recovers', async (mode) => {
		const load = steadyLoad(5, 2);
		await new Promise((r) => setTimeout(r, 500));
		// A burst of 80 requests as the restart begins, as when a city page is shared after a storm.
		const burst = Promise.all(Array.from({ length: 80 }, (_, i) => ask(urls[i % urls.length])));
		await cluster('restart', clusterDir, mode);
		const recoveredIn = await untilHealthy(app, urls, RECOVERY_MS + 1000);
		const answers = [...(await load.stop()), ...(await burst)];

		expect(app.server.exitCode, app.log().slice(-3000)).toBeNull();
		expectNoFailures(answers);
		expect(recoveredIn, `recovered in ${recoveredIn} ms`).toBeLessThan(RECOVERY_MS);
		const outages = answers.filter((a) => a.status === 503).length;
		console.log(`${mode} restart: ${answers.length} requests, ${outages} answered 503, healthy ${Math.round(recoveredIn)} ms after PostgreSQL was back`);
	});

	it('tells the truth about every report filed during the restarts: saved ones are there once, refused ones are not', async () => {
		const titles = [...filings.keys()];
		const stored = await sql<{ title: string; copies: number }[]>`
			SELECT title, count(*)::int AS copies FROM reports WHERE title = ANY(${titles}) GROUP BY title`;
		const copies = new Map(stored.map((r) => [r.title, r.copies]));
		const outcomes = [...filings].map(([title, outcome]) => ({ title, outcome, copies: copies.get(title) ?? 0 }));
		expect(outcomes.filter((o) => o.outcome === 'saved' && o.copies !== 1)).toEqual([]);
		expect(outcomes.filter((o) => o.outcome === 'not_saved' && o.copies !== 0)).toEqual([]);
		expect(outcomes.filter((o) => o.copies > 1)).toEqual([]);
		expect(outcomes.filter((o) => o.outcome === 'saved').length).toBeGreaterThan(0);
		console.log(`reports filed under the restarts: ${JSON.stringify(Object.groupBy(outcomes, (o) => o.outcome), (k, v) => (Array.isArray(v) ? v.length : v))}`);
	});

	it('while PostgreSQL is down: pages and APIs answer 503 at once, in the reader’s language; then it recovers and listens again', async () => {
		await cluster('down', clusterDir);
		try {
			const page = await ask('/stats');
			expect(page.status).toBe(503);
			expect(page.retryAfter).toMatch(/^\d+$/);
			expect(page.body).toContain('<h1>503</h1>');
			expect(page.body).toContain('Serwis jest chwilowo niedostępny');
			const english = await ask('/stats', { headers: { 'accept-language': 'en-GB,en;q=0.9' } });
			expect(english.body).toContain('The service is briefly unavailable');

			// A page's data as the browser fetches it on navigation: SvelteKit shows this body as the page's error.
			const data = await ask('/stats/__data.json');
			expect(data.status).toBe(503);
			expect(JSON.parse(data.body)).toMatchObject({ unavailable: true, message: expect.stringContaining('chwilowo niedostępny') });

			const api = await ask('/api/reports/nearby?lng=19.9383&lat=50.0614');
			expect(api.status).toBe(503);
			expect(JSON.parse(api.body)).toMatchObject({ error: { code: 'database_unavailable' } });
			// A client that sends no Accept header at all (fetch always sends one) gets JSON too.
			const bare = await new Promise<{ status: number; type: string }>((resolve, reject) =>
				http.get(`${app.base}/api/reports/nearby?lng=19.9383&lat=50.0614`, (response) => {
					response.resume();
					resolve({ status: response.statusCode!, type: response.headers['content-type'] ?? '' });
				}).on('error', reject)
			);
			expect(bare).toMatchObject({ status: 503, type: expect.stringContaining('application/json') });

			const filed = await fileReport('Zgłoszenie w czasie awarii');
			expect(JSON.parse(filed.body)).toMatchObject({ type: 'failure', status: 503 });
			expect(filed.body).toContain('Nie udało się zapisać zgłoszenia');
			expect(filed.body).toContain('Zgłoszenie w czasie awarii'); // the form comes back as typed

			for (const answer of [page, english, data, api, filed]) expect(answer.ms).toBeLessThan(HANG_MS);
		} finally {
			await cluster('up', clusterDir);
		}
		expect(await untilHealthy(app, urls, RECOVERY_MS + 1000)).toBeLessThan(RECOVERY_MS);

		// Listening again: a LISTEN connection of the app's is back on the server.
		await expect.poll(async () => (await sql`SELECT 1 FROM pg_stat_activity WHERE query ILIKE 'LISTEN%map_version%'`).length, { timeout: 3000 }).toBeGreaterThan(0);
		const before = await mapVersion();
		const filed = await fileReport('Zgłoszenie po awarii');
		expect(JSON.parse(filed.body)).toMatchObject({ type: 'redirect', location: expect.stringMatching(/^\/reports\/KCK-/) });
		expect(await mapVersion()).toBeGreaterThan(before);
		expect(app.server.exitCode).toBeNull();
	});
});

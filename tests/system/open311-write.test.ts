/**
 * Open311's POST on the production build and a PostgreSQL cluster, as a city app's server calls it:
 * form-encoded, with no Origin, guarded by a key made with `npm run api-keys`; and the origin check
 * that still guards every other form on the site.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import postgres from 'postgres';
import { XMLParser } from 'fast-xml-parser';
import { apiKeys as cliApiKeys, cluster, createApiKey, startBuiltApp, type BuiltApp } from '../support/built-app.ts';

let clusterDir: string;
let databaseUrl: string;
let app: BuiltApp;
let sql: postgres.Sql;
let key: string;
let keyId: string;

const apiKeys = (...args: string[]) => cliApiKeys(databaseUrl, ...args);

const NEW_REQUEST = { service_code: 'pothole', lat: '50.0614', long: '19.9372', description: 'Dziura przy przejściu' };
/** POSTed as a server does: form-encoded, no Origin header. */
const post = (format: 'json' | 'xml', fields: Record<string, string>) =>
	app.ask(`/open311/v2/requests.${format}`, { method: 'POST', body: new URLSearchParams(fields) });
const reportCount = async () => (await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM reports`)[0].n;

beforeAll(async () => {
	clusterDir = mkdtempSync(path.join(tmpdir(), 'kck-map-open311-pg.'));
	databaseUrl = (await cluster('start', clusterDir)).stdout.trim();
	sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
	app = await startBuiltApp(databaseUrl, { DEMO_REPORTS: '20' });
	({ id: keyId, key } = await createApiKey(databaseUrl, 'Aplikacja miejska (test)'));
}, 120_000);

afterAll(async () => {
	await app?.stop();
	await sql?.end({ timeout: 1 });
	if (clusterDir) await cluster('stop', clusterDir);
});

describe('Open311 POST requests with an API key', () => {
	it('files a report from a server with no Origin, readable at once through Open311, in JSON and XML', async () => {
		const answer = await post('json', { api_key: key, ...NEW_REQUEST });
		expect(answer.status, answer.body).toBe(200);
		const [accepted] = JSON.parse(answer.body) as { service_request_id: string; service_notice: string }[];
		expect(accepted.service_request_id).toMatch(/^KCK-\d{4}-\d{6}$/);
		const read = JSON.parse((await app.ask(`/open311/v2/requests/${accepted.service_request_id}.json`)).body);
		expect(read).toMatchObject([{ service_request_id: accepted.service_request_id, service_code: 'pothole', description: 'Dziura przy przejściu', lat: 50.0614, long: 19.9372 }]);

		const xml = await post('xml', { api_key: key, ...NEW_REQUEST, channel: 'phone' });
		expect(xml.status).toBe(200);
		const parsed = new XMLParser().parse(xml.body);
		expect(parsed.service_requests.request.service_request_id).toMatch(/^KCK-\d{4}-\d{6}$/);
		const [stored] = await sql`SELECT channel, api_key_id::text AS key FROM reports WHERE public_ref = ${parsed.service_requests.request.service_request_id}`;
		expect(stored).toEqual({ channel: 'phone', key: keyId });
	});

	it('refuses no key, a wrong key and a revoked key with 403 in the specification’s error list, saving nothing', async () => {
		const before = await reportCount();
		const missing = await post('json', NEW_REQUEST);
		expect(missing.status).toBe(403);
		expect(JSON.parse(missing.body)).toEqual([{ code: 403, description: expect.stringContaining('api_key') }]);
		const wrong = await post('xml', { ...NEW_REQUEST, api_key: `${key.slice(0, -2)}zz` });
		expect(wrong.status).toBe(403);
		expect(new XMLParser().parse(wrong.body)).toMatchObject({ errors: { error: { code: 403, description: expect.stringContaining('api_key') } } });

		const { id: revokedId, key: revoked } = await createApiKey(databaseUrl, 'Do wycofania');
		expect((await post('json', { ...NEW_REQUEST, api_key: revoked, description: 'Przed wycofaniem' })).status).toBe(200);
		expect((await apiKeys('revoke', revokedId)).stdout).toContain('revoked');
		expect((await post('json', { ...NEW_REQUEST, api_key: revoked })).status).toBe(403);
		expect((await apiKeys('list')).stdout).toMatch(new RegExp(`^${revokedId}\\t${revoked.slice(0, 8)}…\\tDo wycofania\\t.*revoked`, 'm'));
		expect(await reportCount()).toBe(before + 1);
	});

	it.each([
		['a place outside Kraków', 400, { lat: '50.2649', long: '19.0238' }, /outside Kraków/],
		['an unknown service', 404, { service_code: 'dragons' }, /No service dragons/],
		['no position', 400, { lat: '', long: '' }, /lat and long are required/]
	])('answers %s with %i, saving nothing', async (_, status, changes, message) => {
		const before = await reportCount();
		const answer = await post('json', { api_key: key, ...NEW_REQUEST, ...changes });
		expect(answer.status).toBe(status);
		expect(JSON.parse(answer.body)[0].description).toMatch(message);
		expect(await reportCount()).toBe(before);
	});

	it('answers a body that is not a form with 400 and says what to send', async () => {
		const answer = await app.ask('/open311/v2/requests.json', { method: 'POST', body: JSON.stringify({ api_key: key, ...NEW_REQUEST }), headers: { 'content-type': 'application/json' } });
		expect(answer.status).toBe(400);
		expect(JSON.parse(answer.body)[0].description).toContain('application/x-www-form-urlencoded');
	});
});

describe('every other form keeps the origin check', () => {
	const reportForm = () => new URLSearchParams({ type: 'problem', category: 'pothole', title: 'Formularz z innej strony', lng: '19.9372', lat: '50.0614' });

	it('refuses the report form posted with no Origin or from another site, saving nothing', async () => {
		const before = await reportCount();
		for (const headers of [{}, { origin: 'https://evil.example' }] as Record<string, string>[]) {
			const answer = await app.ask('/report', { method: 'POST', body: reportForm(), headers });
			expect(answer.status).toBe(403);
			expect(answer.body).toBe('Cross-site POST form submissions are forbidden');
		}
		const vote = await app.ask('/reports/KCK-2026-000001?/vote', { method: 'POST', body: new URLSearchParams(), headers: { origin: 'https://evil.example' } });
		expect(vote.status).toBe(403);
		expect(await reportCount()).toBe(before);
	});

	it('takes the same form from the site’s own page', async () => {
		const before = await reportCount();
		const answer = await app.ask('/report', { method: 'POST', body: reportForm(), headers: { origin: app.base, accept: 'application/json', 'x-sveltekit-action': 'true' } });
		expect(JSON.parse(answer.body)).toMatchObject({ type: 'redirect', location: expect.stringMatching(/^\/reports\/KCK-/) });
		expect(await reportCount()).toBe(before + 1);
	});
});

/**
 * Private data stays private: known secrets are planted the way they arise (a report with contact
 * details, a vote, an alert sign-up, a staff account and its session, an API key, a hidden report),
 * then every public route is asked as a stranger and each answer's headers and bytes are searched.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import postgres from 'postgres';
import { cluster, ROOT, startBuiltApp, type BuiltApp } from '../support/built-app.ts';
import { CHART_IDS } from '../../src/lib/stats/chart-tables.ts';

const run = promisify(execFile);
const SESSION_SECRET = 'voter-cookie-secret-1d9c4e7a52b83f60a7c1e9d2';
const REPORTER = { email: 'tajna.mieszkanka.q7x2@example.com', phone: '+48 600 713 829' };
const STAFF = { email: 'tajny.admin.k9v4@example.com', password: 'haslo-pracownika-8f3e1b7c' };
const ALERT_EMAIL = 'obserwator.z5m1@example.com';
const HIDDEN = { title: 'Ukryte zgłoszenie x4p8', description: 'Opis ukrytego zgłoszenia r2w6' };
const AT = { lng: 19.9372, lat: 50.0614 };

let clusterDir: string;
let app: BuiltApp;
let sql: postgres.Sql;
let secrets: Record<string, string>;
let ref: string;
let reportId: number;
let hiddenRef: string;
let hiddenId: number;

/** A request as a browser's form sends it, from the site's own page. */
const post = (url: string, fields: Record<string, string>, cookie = '') =>
	fetch(app.base + url, { method: 'POST', body: new URLSearchParams(fields), redirect: 'manual', headers: { origin: app.base, accept: 'text/html', cookie } });

/** Files a report through the public form; its reference and id. */
async function fileReport(fields: Record<string, string>): Promise<[string, number]> {
	const filed = await post('/report', { type: 'problem', category: 'pothole', lng: String(AT.lng), lat: String(AT.lat), ...fields });
	const filedRef = /\/reports\/(KCK-\d{4}-\d{6})/.exec(filed.headers.get('location') ?? '')?.[1];
	expect(filedRef, await filed.text()).toBeDefined();
	const [{ id }] = await sql<{ id: number }[]>`SELECT id::int FROM reports WHERE public_ref = ${filedRef!}`;
	return [filedRef!, id];
}

const cookieOf = (response: Response, name: string) =>
	response.headers
		.getSetCookie()
		.map((c) => c.split(';', 1)[0])
		.find((c) => c.startsWith(`${name}=`))!
		.slice(name.length + 1);

/** Web-mercator tile coordinates of a point. */
function tileOf(z: number, { lng, lat }: { lng: number; lat: number }): string {
	const n = 2 ** z;
	const rad = (lat * Math.PI) / 180;
	const x = Math.floor(((lng + 180) / 360) * n);
	const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n);
	return `/tiles/${z}/${x}/${y}`;
}

/** Every public route a stranger can ask, with the filters that reach the planted reports. */
function publicUrls(): string[] {
	const pages = ['/', '/?lang=en', '/report', `/reports/${ref}`, `/reports/${hiddenRef}`, '/stats', '/stats?district=1', '/stats/how-to-read', '/data', '/data/api', `/alerts?report=${ref}`, '/alerts?district=1', '/staff/login'];
	for (let d = 1; d <= 18; d++) pages.push(`/districts/${d}`);
	const area = `lng=${AT.lng}&lat=${AT.lat}&radius=500`;
	return [
		...pages,
		// The data SvelteKit sends the browser for each page, which the HTML may not show.
		...pages.map((url) => url.replace(/^([^?]*?)\/?(\?|$)/, '$1/__data.json$2')),
		...CHART_IDS.map((chart) => `/stats/${chart}.csv`),
		...['', '?district=1', `?bbox=${AT.lng - 0.01},${AT.lat - 0.01},${AT.lng + 0.01},${AT.lat + 0.01}`].flatMap((q) => [`/data/reports.csv${q}`, `/data/reports.geojson${q}`]),
		...['atom', 'rss'].flatMap((format) => ['', '?district=1', '?category=pothole', `?${area}`, `?report=${ref}`, `?report=${hiddenRef}`].map((q) => `/feeds/reports.${format}${q}`)),
		...['json', 'xml'].flatMap((format) => [
			`/open311/v2/discovery.${format}`,
			`/open311/v2/services.${format}`,
			`/open311/v2/services/pothole.${format}`,
			`/open311/v2/requests.${format}`,
			`/open311/v2/requests.${format}?service_code=pothole&start_date=2000-01-01T00:00:00Z`,
			`/open311/v2/requests/${ref}.${format}`,
			`/open311/v2/requests/${hiddenRef}.${format}`
		]),
		`/api/reports/nearby?lng=${AT.lng}&lat=${AT.lat}`,
		`/api/reports/nearby?lng=${AT.lng}&lat=${AT.lat}&category=pothole`,
		`/api/reports/${reportId}`,
		`/api/reports/${hiddenId}`,
		'/api/districts.geojson',
		'/api/city.geojson',
		'/api/map-version',
		'/data/krakow-districts.geojson',
		...[10, 12, 13, 14, 15, 16, 18].flatMap((z) => [tileOf(z, AT), `${tileOf(z, AT)}?category=pothole&status=new`])
	];
}

beforeAll(async () => {
	clusterDir = mkdtempSync(path.join(tmpdir(), 'kck-map-private-pg.'));
	const databaseUrl = (await cluster('start', clusterDir)).stdout.trim();
	sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
	app = await startBuiltApp(databaseUrl, { DEMO_REPORTS: '50', SESSION_SECRET });
	const command = (script: string, args: string[], env: Record<string, string> = {}) =>
		run(process.execPath, [`src/lib/server/cli/${script}`, ...args], { cwd: ROOT, env: { ...process.env, DATABASE_URL: databaseUrl, ...env } });

	[ref, reportId] = await fileReport({ title: 'Dziura z kontaktem', ...REPORTER });
	[hiddenRef, hiddenId] = await fileReport(HIDDEN);
	const vote = await fetch(`${app.base}/api/reports/${reportId}/votes`, { method: 'POST', headers: { origin: app.base } });
	expect(vote.status).toBeLessThan(300);
	expect((await post('/alerts', { email: ALERT_EMAIL, scope: `report=${ref}` })).status).toBe(200);
	await command('create-admin.ts', ['--email', STAFF.email, '--name', 'Admin Testowy'], { STAFF_PASSWORD: STAFF.password });
	const login = await post('/staff/login', STAFF);
	expect(login.status).toBe(303);
	const session = cookieOf(login, 'kck_staff');
	// A staff change with a note: the reporter is told by e-mail, and the public timeline shows the change.
	const [{ revision }] = await sql<{ revision: number }[]>`SELECT revision FROM reports WHERE id = ${reportId}`;
	const accepted = await post(`/staff/reports/${ref}?/status`, { action: 'accept', revision: String(revision), note: 'Przyjęte do realizacji' }, `kck_staff=${session}`);
	expect(accepted.status, await accepted.text()).toBeLessThan(400);
	const apiKey = /^(kck_\S+)$/m.exec((await command('api-keys.ts', ['create', 'Aplikacja testowa'])).stdout)![1];

	const [contact] = await sql<{ email: string; phone: string }[]>`SELECT email, phone FROM reporter_contacts`;
	const [{ voter }] = await sql<{ voter: string }[]>`SELECT voter_id AS voter FROM votes WHERE report_id = ${reportId}`;
	const [{ hash }] = await sql<{ hash: string }[]>`SELECT password_hash AS hash FROM staff_accounts WHERE email = ${STAFF.email}`;
	const [{ tokenHash }] = await sql<{ tokenHash: string }[]>`SELECT token_hash AS "tokenHash" FROM staff_sessions`;
	const [{ keyHash }] = await sql<{ keyHash: string }[]>`SELECT hash AS "keyHash" FROM api_keys`;
	const [{ alertToken }] = await sql<{ alertToken: string }[]>`SELECT token AS "alertToken" FROM alert_subscriptions`;
	secrets = {
		'reporter e-mail': REPORTER.email,
		'reporter phone as typed': REPORTER.phone,
		'reporter e-mail as stored': contact.email,
		'reporter phone as stored': contact.phone,
		'reporter phone digits': REPORTER.phone.replace(/\D/g, '').slice(2),
		'voter id': voter,
		'voter cookie': cookieOf(vote, 'voter'),
		'voter cookie secret': SESSION_SECRET,
		'alert e-mail': ALERT_EMAIL,
		'alert token': alertToken,
		'staff e-mail': STAFF.email,
		'staff password': STAFF.password,
		'staff password hash': hash,
		'staff session token': session,
		'staff session token hash': tokenHash,
		'API key': apiKey,
		'API key hash': keyHash,
		'hidden report title': HIDDEN.title,
		'hidden report description': HIDDEN.description
	};
}, 180_000);

afterAll(async () => {
	await app?.stop();
	await sql?.end({ timeout: 1 });
	if (clusterDir) await cluster('stop', clusterDir);
});

/** Each answer's headers and body, the body read both as UTF-8 and as bytes (tiles are binary). */
async function searchAll(urls: string[]): Promise<{ found: string[]; statuses: Record<string, number> }> {
	const found: string[] = [];
	const statuses: Record<string, number> = {};
	for (const url of urls) {
		const response = await fetch(app.base + url, { redirect: 'manual' });
		const bytes = Buffer.from(await response.arrayBuffer());
		statuses[url] = response.status;
		const haystack = [...response.headers].map(([name, value]) => `${name}: ${value}`).join('\n') + bytes.toString('utf8') + bytes.toString('latin1');
		for (const [name, secret] of Object.entries(secrets)) {
			// Also as a link or a query would carry it, and an e-mail's name without its domain.
			const spellings = [secret, encodeURIComponent(secret), secret.split('@')[0]];
			if (spellings.some((s) => haystack.includes(s))) found.push(`${name} in ${url}`);
		}
	}
	return { found, statuses };
}

it('finds the hidden report before it is hidden: the search sees what a public answer holds', async () => {
	const urls = [`/reports/${hiddenRef}`, `/api/reports/${hiddenId}`, `/open311/v2/requests/${hiddenRef}.json`, `/feeds/reports.atom?report=${hiddenRef}`, '/data/reports.csv'];
	const { found } = await searchAll(urls);
	expect(found.filter((f) => !f.startsWith('hidden report ')), 'only the hidden report, not yet hidden').toEqual([]);
	for (const url of urls) expect(found.filter((f) => f.endsWith(` in ${url}`)), url).not.toEqual([]);
});

it('no public answer holds a contact, a voter, a staff secret, an API key or a hidden report', async () => {
	await sql`UPDATE reports SET hidden = true WHERE id = ${hiddenId}`;
	const urls = publicUrls();
	const { found, statuses } = await searchAll(urls);
	console.log(`searched ${urls.length} public answers for ${Object.keys(secrets).length} secrets`);
	expect(found).toEqual([]);
	// The planted report is public (so its own answers were really searched), the hidden one is not found.
	expect(statuses).toMatchObject({ [`/reports/${ref}`]: 200, [`/api/reports/${reportId}`]: 200, [`/open311/v2/requests/${ref}.json`]: 200 });
	expect(statuses).toMatchObject({ [`/reports/${hiddenRef}`]: 404, [`/api/reports/${hiddenId}`]: 404, [`/open311/v2/requests/${hiddenRef}.json`]: 404 });
	expect(Object.entries(statuses).filter(([, status]) => status >= 500)).toEqual([]);
});

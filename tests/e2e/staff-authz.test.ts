import { expect, request as requests, test, type APIRequestContext } from '@playwright/test';
import { ensureAccounts, OPERATOR, ROADS } from './staff-support.ts';

/**
 * Every staff page and action, asked as a resident (no session), as a department user of another
 * department and as an operator: the server says no (redirect to login, 401 or 403) before doing
 * anything, whatever the browser shows.
 */
type Who = 'resident' | 'other department' | 'operator';
let origin: string;
let ref: string;
const sessions = new Map<Who, APIRequestContext>();

async function session(account?: { email: string; password: string }): Promise<APIRequestContext> {
	// As a browser posts a form without scripts: from this site, asking for a page (a refusal is then the page's status).
	const context = await requests.newContext({ baseURL: origin, extraHTTPHeaders: { origin, accept: 'text/html' }, maxRedirects: 0 });
	if (account) {
		const login = await context.post('/staff/login', { form: { email: account.email, password: account.password } });
		expect(login.status(), `log in ${account.email}`).toBe(303);
	}
	return context;
}

test.beforeAll(async ({ browser, baseURL }) => {
	origin = baseURL!;
	const page = await browser.newPage();
	await ensureAccounts(page);
	// A report in the greenery department's hands: the roads department must not reach it.
	const operator = await session(OPERATOR);
	const triage = await (await operator.get('/staff/triage')).text();
	ref = /\/staff\/reports\/(KCK-\d{4}-\d+)/.exec(triage)![1];
	const view = await (await operator.get(`/staff/reports/${ref}`)).text();
	const revision = /name="revision"[^>]*value="(\d+)"/.exec(view)![1];
	const forwarded = await operator.post(`/staff/reports/${ref}?/status`, { form: { action: 'forward', department: 'zzm', revision, note: '' } });
	expect(forwarded.status()).toBe(200);
	sessions.set('resident', await session());
	sessions.set('other department', await session(ROADS));
	sessions.set('operator', operator);
	await page.close();
});

test.afterAll(async () => {
	for (const context of sessions.values()) await context.dispose();
});

const PAGES: [path: () => string, allowed: Who[]][] = [
	[() => '/staff/triage', ['operator']],
	[() => '/staff/intake', ['operator']],
	[() => '/staff/intake/bulk', ['operator']],
	[() => '/staff/department', ['other department']],
	[() => `/staff/reports/${ref}`, ['operator']],
	[() => '/staff/admin/accounts', []],
	[() => '/staff/admin/catalog', []],
	[() => '/staff/admin/audit', []]
];

const ACTIONS: [path: () => string, form: () => Record<string, string>, allowed: Who[]][] = [
	[() => `/staff/reports/${ref}?/status`, () => ({ action: 'start', revision: '999' }), ['operator']],
	[() => `/staff/reports/${ref}?/edit`, () => ({ title: 'Zmieniony przez nieuprawnionego', revision: '999' }), ['operator']],
	[() => `/staff/reports/${ref}?/hide`, () => ({ hide: '1', reason: 'abuse', revision: '999' }), ['operator']],
	[() => '/staff/intake', () => ({ category: 'pothole', title: 'Nieuprawnione', lat: '50.06', lng: '19.94' }), ['operator']],
	[() => '/staff/intake/bulk?/save', () => ({ csv: 'lat,lng,category,title,description,address\n50.06,19.94,pothole,Nieuprawnione z pliku,,', fileName: 'x.csv' }), ['operator']],
	[() => '/staff/admin/accounts?/create', () => ({ email: 'intruz@kck.test', name: 'Intruz', role: 'admin', password: 'x'.repeat(20) }), []],
	[() => '/staff/admin/accounts?/disable', () => ({ id: '1' }), []],
	[() => '/staff/admin/catalog?/department', () => ({ code: 'zzm', namePl: 'Przejęta nazwa', nameEn: 'Taken over' }), []],
	[() => '/staff/admin/catalog?/category', () => ({ code: 'pothole', type: 'problem', namePl: 'Przejęta', nameEn: 'Taken', department: 'zzm', sortOrder: '0' }), []],
	[() => '/staff/logout?/here', () => ({}), ['operator', 'other department']]
];

for (const who of ['resident', 'other department', 'operator'] as Who[]) {
	test(`staff pages as ${who}`, async () => {
		const context = sessions.get(who)!;
		for (const [path, allowed] of PAGES) {
			const response = await context.get(path());
			const expected = allowed.includes(who) ? 200 : who === 'resident' ? 303 : 403;
			expect(response.status(), `${who} GET ${path()}`).toBe(expected);
			if (expected === 303) expect(response.headers().location).toBe(`/staff/login?next=${encodeURIComponent(path())}`);
		}
	});

	test(`staff actions as ${who}`, async () => {
		const context = sessions.get(who)!;
		for (const [path, form, allowed] of ACTIONS) {
			if (allowed.includes(who)) continue; // allowed ones are exercised in staff.test.ts
			const response = await context.post(path(), { form: form() });
			expect(response.status(), `${who} POST ${path()}`).toBe(who === 'resident' ? 401 : 403);
		}
	});
}

test('nothing the refused actions asked for happened', async () => {
	const operator = sessions.get('operator')!;
	const view = await (await operator.get(`/staff/reports/${ref}`)).text();
	expect(view).not.toContain('Zmieniony przez nieuprawnionego');
	expect(view).not.toContain('Ukryte:');
	const csv = await (await operator.get('/data/reports.csv')).text();
	expect(csv).not.toContain('Nieuprawnione');
	expect(csv).not.toContain('Przejęta');
	const accounts = await (await operator.get('/staff/admin/accounts')).status();
	expect(accounts).toBe(403);
});

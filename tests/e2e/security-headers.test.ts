/**
 * The Content-Security-Policy holds on every kind of page in a real browser (no violation, maps and
 * charts drawn), every answer carries the security headers, and photos are served only from their folder.
 */
import { request as httpRequest } from 'node:http';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type APIResponse, type Page } from '@playwright/test';
import { around, fileReport, mapReady, photoJpeg } from './support.ts';
import { E2E_ADMIN, logInAs } from './staff-support.ts';

declare global {
	interface Window {
		cspViolations: string[];
	}
}

/** Collects the policy's violations from the first script of every document on. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
	const refused: string[] = [];
	// What the browser prints for a violation, including those of workers, whose events the page cannot see.
	page.on('console', (message) => {
		if (/Content Security Policy/i.test(message.text())) refused.push(`${page.url()}: ${message.text()}`);
	});
	await page.addInitScript(() => {
		window.cspViolations = [];
		document.addEventListener('securitypolicyviolation', (e) =>
			window.cspViolations.push(`${location.pathname}: ${e.effectiveDirective} refused ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`)
		);
	});
	// Read before each navigation: a new document starts an empty list.
	return async () => [...refused.splice(0), ...(await page.evaluate(() => window.cspViolations.splice(0)))];
}

const HEADERS = {
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'strict-origin-when-cross-origin',
	'x-frame-options': 'DENY'
};

function expectSecurityHeaders(response: APIResponse, page: boolean) {
	const headers = response.headers();
	expect(headers, response.url()).toMatchObject(HEADERS);
	const csp = headers['content-security-policy'];
	expect(csp, response.url()).toContain("frame-ancestors 'none'");
	if (page) {
		expect(csp).toMatch(/script-src 'self' 'nonce-[^']+'(;|$)/);
		for (const directive of ["object-src 'none'", "base-uri 'self'", "form-action 'self'", "connect-src 'self'"]) expect(csp).toContain(directive);
	} else expect(csp).toContain("default-src 'none'");
	// Served over http here: HSTS would pin https on a host that has none.
	expect(headers['strict-transport-security']).toBeUndefined();
}

test('no page of the site, public or staff, breaks its Content-Security-Policy', async ({ page }) => {
	const violations = await watchViolations(page);
	const seen: Record<string, string[]> = {};
	/** Pages that follow /api/events never go network-idle: they say when they are ready. */
	const visit = async (url: string, ready?: () => Promise<void>) => {
		await page.goto(url, { waitUntil: ready ? 'load' : 'networkidle' });
		await ready?.();
		seen[url] = await violations();
	};
	const drawn = async () => void (await mapReady(page));
	const charted = () => expect(page.locator('canvas[data-series]').first()).toBeVisible();

	const at = { lng: 19.9402, lat: 50.0598 };
	const reportUrl = await fileReport(page, { ...at, title: 'Sprawdzenie polityki CSP', photo: await photoJpeg() });
	seen['/report'] = await violations();
	const ref = new URL(reportUrl).pathname.split('/').pop()!;
	await visit('/', drawn);
	// Pins and a popup: the map's other layers and its DOM.
	await visit(`/?bbox=${around(at.lng, at.lat)}`, async () => {
		await drawn();
		const box = (await page.getByTestId('map').boundingBox())!;
		await page.getByTestId('map').click({ position: { x: box.width / 2, y: box.height / 2 } });
		await expect(page.locator('.maplibregl-popup')).toContainText('Sprawdzenie polityki CSP');
	});
	await visit(`/reports/${ref}`, async () => {
		const photo = page.locator('img[src^="/photos/"]').first();
		await photo.scrollIntoViewIfNeeded();
		await expect(photo).toHaveJSProperty('complete', true);
	});
	await visit('/stats', charted);
	await visit('/districts/5', async () => {
		await drawn();
		await charted();
	});
	for (const url of ['/stats/how-to-read', '/data', '/data/api', '/alerts?district=1', '/reports/KCK-2000-999999']) await visit(url);
	await logInAs(page, E2E_ADMIN);
	seen['/staff/login'] = await violations();
	await visit('/staff/triage');
	await visit(`/staff/reports/${ref}`);
	await visit('/staff/intake', drawn);
	for (const url of ['/staff/intake/bulk', '/staff/department', '/staff/admin/accounts', '/staff/admin/catalog', '/staff/admin/audit']) await visit(url);

	expect(Object.values(seen).flat()).toEqual([]);
});

test('pages, APIs, tiles, downloads and photos all carry the security headers', async ({ page, request }) => {
	const reportUrl = await fileReport(page, { lng: 19.9405, lat: 50.0601, title: 'Nagłówki zdjęcia', photo: await photoJpeg() });
	const photo = await page.locator('img[src^="/photos/"]').first().getAttribute('src');
	for (const url of ['/', '/stats', new URL(reportUrl).pathname, '/staff/login']) expectSecurityHeaders(await request.get(url), true);
	for (const url of ['/api/map-version', '/tiles/12/2274/1387', '/data/reports.csv?district=1', '/feeds/reports.atom', '/open311/v2/services.json', '/api/reports/999999']) {
		expectSecurityHeaders(await request.get(url), false);
	}
	const served = await request.get(photo!);
	expect(served.status()).toBe(200);
	expect(served.headers()['content-type']).toBe('image/webp');
	expectSecurityHeaders(served, false);
});

/** Asks for a path exactly as written: fetch and browsers would resolve the dots and slashes first. */
function rawGet(base: string, rawPath: string): Promise<{ status: number; body: string }> {
	return new Promise((resolve, reject) => {
		const { hostname, port } = new URL(base);
		httpRequest({ hostname, port, path: rawPath }, (response) => {
			let body = '';
			response.setEncoding('latin1').on('data', (chunk) => (body += chunk));
			response.on('end', () => resolve({ status: response.statusCode!, body }));
		})
			.on('error', reject)
			.end();
	});
}

test('a photo’s path cannot leave the uploads folder, however it is spelt', async ({ baseURL }) => {
	// A file beside the uploads folder, where a path that escaped would find it.
	const dataDir = path.resolve(import.meta.dirname, '../.tmp/e2e-data');
	const planted = path.join(dataDir, 'planted.webp');
	mkdirSync(dataDir, { recursive: true });
	writeFileSync(planted, 'PLANTED-OUTSIDE-THE-UPLOADS');
	const escapes = [
		'../../planted.webp',
		'..%2f..%2fplanted.webp',
		'..%2F..%2Fplanted.webp',
		'%2e%2e%2f%2e%2e%2fplanted.webp',
		'%2e%2e/%2e%2e/planted.webp',
		'..%5c..%5cplanted.webp',
		'..\\..\\planted.webp',
		'%252e%252e%252f%252e%252e%252fplanted.webp',
		encodeURIComponent(planted),
		`%2f${planted.slice(1)}`,
		`/${planted}`,
		'..%2f..%2f..%2fpackage.json',
		'%2fetc%2fpasswd',
		'..%00.webp'
	];
	try {
		for (const escape of escapes) {
			for (const query of ['', '?size=thumb']) {
				const { status, body } = await rawGet(baseURL!, `/photos/${escape}${query}`);
				expect([400, 404], escape).toContain(status);
				expect(body, escape).not.toMatch(/PLANTED-OUTSIDE|"name": "kck-map"|root:x:0/);
			}
		}
	} finally {
		rmSync(planted, { force: true });
	}
});

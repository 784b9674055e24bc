import { describe, expect, it } from 'vitest';
import { isCrossSiteWrite } from '../../../src/lib/server/csrf.ts';

const SITE = 'https://mapa.kck.krakow.pl';
const ask = (path: string, init: { method?: string; type?: string; origin?: string } = {}) => {
	const headers = new Headers();
	if (init.type) headers.set('content-type', init.type);
	if (init.origin) headers.set('origin', init.origin);
	const url = new URL(path, SITE);
	return isCrossSiteWrite(new Request(url, { method: init.method ?? 'POST', headers }), url);
};

describe('the origin check on form writes', () => {
	it.each(['application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/plain;charset=UTF-8'])('refuses %s from another site or from no page', (type) => {
		expect(ask('/report', { type, origin: 'https://evil.example' })).toBe(true);
		expect(ask('/report', { type })).toBe(true);
		expect(ask('/reports/KCK-2026-000001?/vote', { type, method: 'DELETE' })).toBe(true);
	});

	it('refuses any write a browser sends from another site, body or not (a no-cors vote)', () => {
		expect(ask('/api/reports/1/votes', { origin: 'https://evil.example' })).toBe(true);
		expect(ask('/api/reports/1/votes', { type: 'application/json', origin: 'null' })).toBe(true);
		const headers = new Headers({ 'sec-fetch-site': 'cross-site' });
		const url = new URL('/api/reports/1/votes', SITE);
		expect(isCrossSiteWrite(new Request(url, { method: 'POST', headers }), url)).toBe(true);
	});

	it('lets through the site’s own writes, reads, and scripts without Origin sending no form', () => {
		expect(ask('/report', { type: 'multipart/form-data; boundary=x', origin: SITE })).toBe(false);
		expect(ask('/api/reports/1/votes', { origin: SITE })).toBe(false);
		expect(ask('/report', { method: 'GET', type: 'application/x-www-form-urlencoded' })).toBe(false);
		expect(ask('/api/reports/1/votes', {})).toBe(false);
	});

	it('leaves an alert’s one-click unsubscribe to its token (mail programs send no Origin)', () => {
		expect(ask(`/alerts/unsubscribe/${'a'.repeat(32)}`, { type: 'application/x-www-form-urlencoded' })).toBe(false);
		expect(ask('/alerts/unsubscribe/short', { type: 'application/x-www-form-urlencoded' })).toBe(true);
		expect(ask('/alerts', { type: 'application/x-www-form-urlencoded' })).toBe(true);
	});

	it('leaves Open311’s POST to its API key, and nothing else beside it', () => {
		expect(ask('/open311/v2/requests.json', { type: 'application/x-www-form-urlencoded' })).toBe(false);
		expect(ask('/open311/v2/requests.xml', { type: 'multipart/form-data; boundary=x', origin: 'https://app.example' })).toBe(false);
		expect(ask('/open311/v2/requests.csv', { type: 'application/x-www-form-urlencoded' })).toBe(true);
		expect(ask('/open311/v2/requests/KCK-2026-000001.json', { type: 'application/x-www-form-urlencoded' })).toBe(true);
	});
});

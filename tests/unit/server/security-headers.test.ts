import { describe, expect, it } from 'vitest';
import { mapStyleOrigin, setSecurityHeaders } from '../../../src/lib/server/security-headers.ts';

const PAGE_CSP = "default-src 'self'; connect-src 'self'; img-src 'self' data: blob:; script-src 'self' 'nonce-abc'";
const headersOf = (url: string, csp?: string, mapOrigin?: string) => {
	const headers = new Headers(csp ? { 'content-security-policy': csp } : {});
	setSecurityHeaders(headers, new URL(url), mapOrigin);
	return headers;
};

describe('security headers', () => {
	it('lets a page fetch the base map from its style’s origin, and nothing else gains it', () => {
		const csp = headersOf('https://mapa.example/', PAGE_CSP, 'https://tiles.openfreemap.org').get('content-security-policy');
		expect(csp).toBe(
			"default-src 'self'; connect-src 'self' https://tiles.openfreemap.org; img-src 'self' data: blob: https://tiles.openfreemap.org; script-src 'self' 'nonce-abc'"
		);
	});

	it('gives answers that are not pages a policy that loads nothing', () => {
		expect(headersOf('https://mapa.example/api/map-version', undefined, 'https://tiles.openfreemap.org').get('content-security-policy')).toBe(
			"default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
		);
	});

	it('sends HSTS over https only', () => {
		expect(headersOf('https://mapa.example/').get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
		expect(headersOf('http://localhost:3000/').get('strict-transport-security')).toBeNull();
		expect(Object.fromEntries(headersOf('http://localhost:3000/'))).toMatchObject({
			'x-content-type-options': 'nosniff',
			'referrer-policy': 'strict-origin-when-cross-origin',
			'x-frame-options': 'DENY'
		});
	});

	it.each([
		['https://tiles.openfreemap.org/styles/liberty', 'https://tiles.openfreemap.org'],
		['http://127.0.0.1:8080/style.json', 'http://127.0.0.1:8080'],
		['', undefined],
		['styles/local.json', undefined],
		['file:///etc/style.json', undefined]
	])('takes the map’s origin from %j', (url, origin) => {
		expect(mapStyleOrigin(url)).toBe(origin);
	});
});

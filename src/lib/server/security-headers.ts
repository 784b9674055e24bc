/**
 * For responses that are not pages (APIs, tiles, photos, downloads, SvelteKit's plain error page):
 * nothing may load or run, and nothing may frame them. Inline style only for the plain error page.
 */
const NON_PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** The directives through which MapLibre fetches the base map's style, tiles, glyphs and sprites. */
const MAP_DIRECTIVES = /^(connect-src|img-src) /;

/** The origin of the base map's style (its tiles, glyphs and sprites are expected there too), if it is a web address. */
export function mapStyleOrigin(styleUrl: string): string | undefined {
	if (!URL.canParse(styleUrl)) return undefined;
	const url = new URL(styleUrl);
	return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : undefined;
}

/**
 * Sets the headers every answer carries, once for all routes. Pages come with SvelteKit's CSP
 * (`kit.csp` in svelte.config.js, with the nonce of its inline script); the base map's origin is
 * added here because MAP_STYLE_URL is read at run time, after the build fixed `kit.csp`.
 */
export function setSecurityHeaders(headers: Headers, url: URL, mapOrigin: string | undefined): void {
	const pageCsp = headers.get('content-security-policy');
	if (!pageCsp) headers.set('content-security-policy', NON_PAGE_CSP);
	else if (mapOrigin) {
		const directives = pageCsp.split('; ').map((directive) => (MAP_DIRECTIVES.test(directive) ? `${directive} ${mapOrigin}` : directive));
		headers.set('content-security-policy', directives.join('; '));
	}
	headers.set('x-content-type-options', 'nosniff');
	headers.set('referrer-policy', 'strict-origin-when-cross-origin');
	// For browsers older than CSP's frame-ancestors.
	headers.set('x-frame-options', 'DENY');
	// Only over https: on plain http a browser ignores it, and a test or a local server must not pin https.
	if (url.protocol === 'https:') headers.set('strict-transport-security', 'max-age=31536000; includeSubDomains');
}

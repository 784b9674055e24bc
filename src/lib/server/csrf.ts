/** What a page on another site can POST without a CORS preflight: the encodings of an HTML form. */
const FORM_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']);
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/**
 * Guarded by a secret instead, and posted by programs that send no Origin: Open311's POST (an API
 * key; its clients are servers) and an alert's unsubscribe link (its token; mail programs' one-click
 * unsubscribe, RFC 8058).
 */
const SECRET_GUARDED = /^\/(open311\/v2\/requests\.(json|xml)|alerts\/unsubscribe\/[A-Za-z0-9_-]{32})$/;

/**
 * SvelteKit's own origin check, kept for every route but the secret-guarded ones (SvelteKit can only
 * switch it off for all), and widened: a write that a browser says came from another site is refused
 * whatever its body (a body-less `fetch(…, { mode: 'no-cors' })` sends no form type, yet votes), and a
 * form-encoded write must come from a page of this site. Scripts and servers, which send no Origin,
 * may still write JSON or nothing.
 */
export function isCrossSiteWrite(request: Request, url: URL): boolean {
	if (!WRITES.has(request.method) || SECRET_GUARDED.test(url.pathname)) return false;
	const origin = request.headers.get('origin');
	if (origin !== null) return origin !== url.origin;
	if (request.headers.get('sec-fetch-site') === 'cross-site') return true;
	const type = (request.headers.get('content-type') ?? '').split(';', 1)[0].trim().toLowerCase();
	return FORM_TYPES.has(type);
}

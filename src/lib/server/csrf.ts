/** What a page on another site can POST without a CORS preflight: the encodings of an HTML form. */
const FORM_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']);
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Guarded by an API key instead: Open311 clients are servers, which send no Origin. */
const KEY_GUARDED = /^\/open311\/v2\/requests\.(json|xml)$/;

/**
 * SvelteKit's own origin check, kept for every route but the key-guarded one (SvelteKit can only
 * switch it off for all): a form-encoded write must come from a page of this site.
 */
export function isCrossSiteFormWrite(request: Request, url: URL): boolean {
	if (!WRITES.has(request.method) || KEY_GUARDED.test(url.pathname)) return false;
	const type = (request.headers.get('content-type') ?? '').split(';', 1)[0].trim().toLowerCase();
	return FORM_TYPES.has(type) && request.headers.get('origin') !== url.origin;
}

import { json, text, type Handle, type HandleServerError, type RequestEvent, type ServerInit } from '@sveltejs/kit';
import { database } from '$lib/server/db/index.ts';
import { config } from '$lib/server/config.ts';
import { isDatabaseUnavailable } from '$lib/server/db/outage.ts';
import { isCrossSiteWrite } from '$lib/server/csrf.ts';
import { sessionUser } from '$lib/server/staff/sessions.ts';
import { SESSION_COOKIE } from '$lib/server/staff/guard.ts';
import { mapStyleOrigin, setSecurityHeaders } from '$lib/server/security-headers.ts';
import { isLanguage, LANGUAGES, translate, type Language } from '$lib/i18n/index.ts';

/** Set up the database before the first request rather than during it, and close it on shutdown. */
export const init: ServerInit = async () => {
	const db = await database();
	if (!config().smtpUrl) console.log('SMTP_URL is not set: e-mails (alert confirmations and alerts) are kept in the outbox table alert_messages, not sent.');
	// adapter-node emits this once SIGTERM/SIGINT has closed the server: the pool, the LISTEN
	// connection or PGlite would otherwise keep the process alive, and PGlite's folder would be left unclosed.
	process.once('sveltekit:shutdown', () => db.close().catch((e: unknown) => console.error('Closing the database failed', e)));
};

const LANGUAGE_COOKIE = 'lang';

function pickLanguage(cookie: string | undefined, acceptLanguage: string | null): Language {
	if (isLanguage(cookie)) return cookie;
	const preferred = acceptLanguage?.split(',').map((part) => part.trim().slice(0, 2).toLowerCase());
	return preferred?.find((code): code is Language => (LANGUAGES as readonly string[]).includes(code)) ?? 'pl';
}

export const handle: Handle = async (input) => {
	const response = await respond(input);
	setSecurityHeaders(response.headers, input.event.url, mapStyleOrigin(config().mapStyleUrl));
	return response;
};

const respond: Handle = async ({ event, resolve }) => {
	if (isCrossSiteWrite(event.request, event.url)) {
		const message = `Cross-site ${event.request.method} form submissions are forbidden`;
		return event.request.headers.get('accept') === 'application/json' ? json({ message }, { status: 403 }) : text(message, { status: 403 });
	}
	const requested = event.url.searchParams.get('lang');
	if (isLanguage(requested)) {
		event.cookies.set(LANGUAGE_COOKIE, requested, { path: '/', maxAge: 60 * 60 * 24 * 365, httpOnly: false, sameSite: 'lax' });
	}
	event.locals.lang = isLanguage(requested)
		? requested
		: pickLanguage(event.cookies.get(LANGUAGE_COOKIE), event.request.headers.get('accept-language'));
	// Only requests with a staff cookie cost a query.
	const token = event.cookies.get(SESSION_COOKIE);
	if (token) {
		try {
			event.locals.staff = (await sessionUser(await database(), token)) ?? undefined;
		} catch (e) {
			if (!isDatabaseUnavailable(e)) throw e;
			return unavailable(event, text(''));
		}
	}
	const response = await resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', event.locals.lang) });
	return event.locals.databaseUnavailable ? unavailable(event, response) : response;
};

/** Seconds a client is asked to wait while the database is away (a restart takes a few). */
const RETRY_AFTER_S = '5';

/**
 * A request that failed because the database is away answers 503 with Retry-After, not 500:
 * SvelteKit gives 500 to every unexpected error, so the status is set here, once, for all routes.
 * Pages keep the site's error page (which says why); APIs and tiles answer JSON.
 */
function unavailable(event: RequestEvent, response: Response): Response {
	const headers = { 'retry-after': RETRY_AFTER_S, 'cache-control': 'no-store' };
	const message = translate(event.locals.lang, 'errors.unavailable');
	// A page's data fetched by the browser: SvelteKit takes the body of a failed __data.json as the page's error.
	if (event.isDataRequest) return json({ message, unavailable: true }, { status: 503, headers });
	// SvelteKit answers HTML to a client that sends no Accept at all (a script, whatever it asked for): only a page asked for by a browser keeps it.
	const page = event.request.headers.has('accept') && (response.headers.get('content-type') ?? '').startsWith('text/html');
	if (!page) return json({ error: { code: 'database_unavailable', message } }, { status: 503, headers });
	const rewritten = new Response(response.body, { status: 503, headers: response.headers });
	for (const [name, value] of Object.entries(headers)) rewritten.headers.set(name, value);
	return rewritten;
}

/** Bugs (5xx) go to the log; a person sees +error.svelte's words, never a stack. */
export const handleError: HandleServerError = ({ error, event, status, message }) => {
	if (isDatabaseUnavailable(error)) {
		// Expected while PostgreSQL restarts: one line, not a stack per request.
		event.locals.databaseUnavailable = true;
		console.warn(`database unavailable: ${event.request.method} ${event.url.pathname}: ${(error as Error).message}`);
		return { message: translate(event.locals.lang, 'errors.unavailable'), unavailable: true };
	}
	if (status >= 500) console.error(error);
	return { message };
};

import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { database } from '$lib/server/db/index.ts';
import { isLanguage, LANGUAGES, type Language } from '$lib/i18n/index.ts';

/** Set up the database before the first request rather than during it, and close it on shutdown. */
export const init: ServerInit = async () => {
	const db = await database();
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

export const handle: Handle = async ({ event, resolve }) => {
	const requested = event.url.searchParams.get('lang');
	if (isLanguage(requested)) {
		event.cookies.set(LANGUAGE_COOKIE, requested, { path: '/', maxAge: 60 * 60 * 24 * 365, httpOnly: false, sameSite: 'lax' });
	}
	event.locals.lang = isLanguage(requested)
		? requested
		: pickLanguage(event.cookies.get(LANGUAGE_COOKIE), event.request.headers.get('accept-language'));
	return resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', event.locals.lang) });
};

/** Bugs (5xx) go to the log; a person sees +error.svelte's words, never a stack. */
export const handleError: HandleServerError = ({ error, status, message }) => {
	if (status >= 500) console.error(error);
	return { message };
};

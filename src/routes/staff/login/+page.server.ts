import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { database } from '$lib/server/db/index.ts';
import { InputError } from '$lib/server/errors.ts';
import { formOf, message } from '$lib/server/http.ts';
import { LOGIN_WINDOW_MINUTES, logIn, SESSION_HOURS } from '$lib/server/staff/sessions.ts';
import { SESSION_COOKIE } from '$lib/server/staff/guard.ts';

/** Where to go after logging in: a staff page of this site only (no open redirect). */
const nextPage = (url: URL) => {
	const next = url.searchParams.get('next') ?? '';
	// Printable ASCII only: anything else cannot stand in a Location header.
	return /^\/staff(\/[^/\\]|$|\?)/.test(next) && /^[\x21-\x7e]+$/.test(next) ? next : '/staff';
};

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.staff) redirect(303, nextPage(url));
};

export const actions: Actions = {
	default: async ({ request, cookies, url, locals, getClientAddress, setHeaders }) => {
		const form = await formOf(request, locals.lang);
		const email = String(form.get('email') ?? '');
		try {
			const { token } = await logIn(await database(), email, String(form.get('password') ?? ''), getClientAddress());
			cookies.set(SESSION_COOKIE, token, {
				path: '/',
				httpOnly: true,
				sameSite: 'lax',
				secure: url.protocol === 'https:',
				maxAge: SESSION_HOURS * 3600
			});
		} catch (e) {
			if (e instanceof InputError) {
				// The failures counted are those of the last LOGIN_WINDOW_MINUTES: by then the oldest has gone.
				if (e.status === 429) setHeaders({ 'retry-after': String(LOGIN_WINDOW_MINUTES * 60) });
				return fail(e.status, { email, error: message(locals.lang, e.key) });
			}
			throw e;
		}
		redirect(303, nextPage(url));
	}
};

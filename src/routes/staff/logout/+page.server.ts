import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { database } from '$lib/server/db/index.ts';
import { logOut } from '$lib/server/staff/sessions.ts';
import { ALL_STAFF, SESSION_COOKIE, staffAction } from '$lib/server/staff/guard.ts';

export const load: PageServerLoad = () => redirect(303, '/staff/login');

/** Ends this session, or every session of the account (a lost phone, a shared computer). */
async function logOutOf(event: Parameters<Actions[string]>[0], everywhere: boolean) {
	const user = staffAction(event, ALL_STAFF);
	await logOut(await database(), event.cookies.get(SESSION_COOKIE) ?? '', user, everywhere, event.getClientAddress());
	event.cookies.delete(SESSION_COOKIE, { path: '/' });
	redirect(303, '/staff/login');
}

export const actions: Actions = {
	here: (event) => logOutOf(event, false),
	everywhere: (event) => logOutOf(event, true)
};

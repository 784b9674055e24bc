import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { database } from '$lib/server/db/index.ts';
import { translate } from '$lib/i18n/index.ts';
import { formOf } from '$lib/server/http.ts';
import { described } from '$lib/server/alerts/followed.ts';
import { resubscribe, subscriptionByToken, unsubscribe } from '$lib/server/alerts/subscriptions.ts';

/**
 * The link in every alert: opening it unsubscribes at once (one click), and the page offers to
 * undo. After a POST the action has done the work, and the page only shows it.
 */
export const load: PageServerLoad = async ({ params, request, locals }) => {
	const db = await database();
	const subscription = request.method === 'GET' ? await unsubscribe(db, params.token) : await subscriptionByToken(db, params.token);
	if (!subscription) error(404, translate(locals.lang, 'errors.alert_link'));
	return { followed: await described(db, subscription.scope, locals.lang) };
};

export const actions: Actions = {
	/**
	 * The undo button (resubscribe=1), or a mail program's one-click unsubscribe (RFC 8058: a POST of
	 * List-Unsubscribe=One-Click, with no Origin, which hooks.server.ts lets through for this route).
	 */
	default: async ({ params, request, locals }) => {
		const db = await database();
		const undo = (await formOf(request, locals.lang)).get('resubscribe') === '1';
		const subscription = undo ? await resubscribe(db, params.token) : await unsubscribe(db, params.token);
		if (!subscription) error(404, translate(locals.lang, 'errors.alert_link'));
		return { resubscribed: undo };
	}
};

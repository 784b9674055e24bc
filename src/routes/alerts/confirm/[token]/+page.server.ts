import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { database } from '$lib/server/db/index.ts';
import { translate } from '$lib/i18n/index.ts';
import { described } from '$lib/server/alerts/followed.ts';
import { confirm, subscriptionByToken } from '$lib/server/alerts/subscriptions.ts';

/**
 * The link in the confirmation e-mail shows a button; pressing it confirms (double opt-in). Not on
 * opening: mail scanners open links, and would confirm sign-ups someone made in another's name.
 */
export const load: PageServerLoad = async ({ params, locals }) => {
	const db = await database();
	const subscription = await subscriptionByToken(db, params.token);
	if (!subscription || subscription.unsubscribed) error(404, translate(locals.lang, 'errors.alert_link'));
	return { followed: await described(db, subscription.scope, locals.lang), confirmed: subscription.confirmed, token: params.token };
};

export const actions: Actions = {
	default: async ({ params, locals }) => {
		if (!(await confirm(await database(), params.token))) error(404, translate(locals.lang, 'errors.alert_link'));
		return { confirmed: true };
	}
};

import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { database } from '$lib/server/db/index.ts';
import { translate } from '$lib/i18n/index.ts';
import { described } from '$lib/server/alerts/followed.ts';
import { confirm } from '$lib/server/alerts/subscriptions.ts';

/** The link in the confirmation e-mail: opening it confirms (double opt-in); opening it again changes nothing. */
export const load: PageServerLoad = async ({ params, locals }) => {
	const db = await database();
	const subscription = await confirm(db, params.token);
	if (!subscription) error(404, translate(locals.lang, 'errors.alert_link'));
	return { followed: await described(db, subscription.scope, locals.lang), token: params.token };
};

import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { database } from '$lib/server/db/index.ts';
import { config } from '$lib/server/config.ts';
import { InputError } from '$lib/server/errors.ts';
import { formOf, message } from '$lib/server/http.ts';
import { addressKey, enforceRateLimit } from '$lib/server/rate-limits.ts';
import { followedDescription } from '$lib/server/alerts/followed.ts';
import { smtpMailer } from '$lib/server/alerts/mailer.ts';
import { subscribe } from '$lib/server/alerts/subscriptions.ts';
import { isAlertScope } from '$lib/domain/alerts.ts';
import { feedFiltersToParams, parseFeedFilters } from '$lib/domain/feed-filters.ts';
import type { Language } from '$lib/i18n/index.ts';

/** What the URL asks to follow (the feed's parameters), in words; null when it names nothing an alert can follow. */
async function followed(params: URLSearchParams, lang: Language) {
	const parsed = parseFeedFilters(params);
	if (!parsed.ok || !isAlertScope(parsed.filters)) return null;
	try {
		return { scope: feedFiltersToParams(parsed.filters).toString(), title: await followedDescription(await database(), parsed.filters, lang) };
	} catch (e) {
		if (e instanceof InputError) return null;
		throw e;
	}
}

export const load: PageServerLoad = async ({ url, locals }) => ({ followed: await followed(url.searchParams, locals.lang) });

export const actions: Actions = {
	/** A sign-up: the confirmation goes out (or to the outbox) and the page says which. */
	default: async (event) => {
		const { request, url, locals } = event;
		const form = await formOf(request, locals.lang);
		const email = String(form.get('email') ?? '');
		const parsed = parseFeedFilters(new URLSearchParams(String(form.get('scope') ?? '')));
		if (!parsed.ok) return fail(400, { email, error: message(locals.lang, 'errors.alert_scope') });
		const settings = config();
		try {
			await enforceRateLimit(event, await database(), 'alertSignUpsPerAddress', addressKey(event.getClientAddress()));
			const { outcome } = await subscribe(await database(), { email, filters: parsed.filters, lang: locals.lang }, url.origin, smtpMailer(settings.smtpUrl, settings.mailFrom));
			return { email: email.trim(), outcome };
		} catch (e) {
			if (!(e instanceof InputError)) throw e;
			// The address's confirmations are counted over the last hour (the address's own limit set its header already).
			if (e.key === 'errors.alert_rate' && e.field === 'email') event.setHeaders({ 'retry-after': '3600' });
			return fail(e.status, { email, error: message(locals.lang, e.key) });
		}
	}
};

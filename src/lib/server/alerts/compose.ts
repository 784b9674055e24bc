import type { FeedEntry } from '../feeds/entries.ts';
import { FEED_SIZE } from '../feeds/entries.ts';
import { translate, type Language, type MessageKey } from '../../i18n/index.ts';
import { formatDateTime } from '../../i18n/dates.ts';

/** The addresses a message links to. */
export interface AlertLinks {
	origin: string;
	token: string;
	/** The same events as a feed or on the map, for more than a message holds. */
	moreUrl: string;
}

export const confirmUrl = (origin: string, token: string) => `${origin}/alerts/confirm/${token}`;
export const unsubscribeUrl = (origin: string, token: string) => `${origin}/alerts/unsubscribe/${token}`;

/** The e-mail that asks whoever signed up to confirm the address is theirs (double opt-in). */
export function confirmationMessage(lang: Language, followed: string, links: Pick<AlertLinks, 'origin' | 'token'>) {
	return {
		subject: translate(lang, 'alerts.confirm_subject', { title: followed }),
		body: translate(lang, 'alerts.confirm_body', { title: followed, confirm: confirmUrl(links.origin, links.token) })
	};
}

/** One message with everything new since the last run, newest first, each event with its report's link. */
export function alertMessage(lang: Language, followed: string, events: FeedEntry[], links: AlertLinks) {
	const t = (key: MessageKey, params?: Record<string, string | number>) => translate(lang, key, params);
	const lines = events.map((e) =>
		[
			`${e.ref} · ${lang === 'pl' ? e.categoryPl : e.categoryEn} · ${e.districtName}`,
			e.title,
			`${e.fromStatus ? t('alerts.changed', { status: t(`status.${e.toStatus}` as MessageKey) }) : t('alerts.filed')} · ${formatDateTime(new Date(e.at), lang)}`,
			...(e.note ? [e.note] : []),
			`${links.origin}/reports/${e.ref}`
		].join('\n')
	);
	return {
		subject: t('alerts.subject', { title: followed, count: events.length }),
		body: [
			t('alerts.intro', { title: followed }),
			...lines,
			...(events.length >= FEED_SIZE ? [t('alerts.more', { count: events.length, url: links.moreUrl })] : []),
			`--\n${t('alerts.footer', { unsubscribe: unsubscribeUrl(links.origin, links.token) })}`
		].join('\n\n')
	};
}

import { page } from '$app/state';
import { LOCALES, translate, type Language, type MessageKey } from './index.ts';

/** The current page's language (set by hooks.server.ts, carried in the layout data). */
export function lang(): Language {
	return page.data.lang ?? 'pl';
}

/** Translates in components: `t('nav.map')`. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
	return translate(lang(), key, params);
}

export function formatNumber(value: number): string {
	return new Intl.NumberFormat(LOCALES[lang()]).format(value);
}

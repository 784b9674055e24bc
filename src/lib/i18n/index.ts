import { pl } from './pl.ts';
import { en } from './en.ts';

export const LANGUAGES = ['pl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export type MessageKey = keyof typeof pl;

const dictionaries: Record<Language, Record<MessageKey, string>> = { pl, en };

export function isLanguage(value: unknown): value is Language {
	return value === 'pl' || value === 'en';
}

export function isMessageKey(value: string): value is MessageKey {
	return value in pl;
}

/** The text for `key` in `lang`, with {name} placeholders filled from params. */
export function translate(lang: Language, key: MessageKey, params: Record<string, string | number> = {}): string {
	return dictionaries[lang][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** BCP 47 locale for number and date formatting. */
export const LOCALES: Record<Language, string> = { pl: 'pl-PL', en: 'en-GB' };

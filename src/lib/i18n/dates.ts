import { LOCALES, type Language } from './index.ts';

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
	['year', 365 * 86400],
	['month', 30 * 86400],
	['week', 7 * 86400],
	['day', 86400],
	['hour', 3600],
	['minute', 60]
];

/** "3 dni temu" / "3 days ago": the largest whole unit. */
export function relativeAge(date: Date, lang: Language, now = new Date()): string {
	const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
	const format = new Intl.RelativeTimeFormat(LOCALES[lang], { numeric: 'auto' });
	for (const [unit, size] of UNITS) {
		if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit);
	}
	return format.format(0, 'minute');
}

/** A calendar date and time in Kraków's time zone. */
export function formatDateTime(date: Date, lang: Language): string {
	return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Warsaw' }).format(date);
}

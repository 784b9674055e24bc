import type { ChartUnit } from '$lib/stats/chart-tables.ts';
import { LOCALES, type Language } from '$lib/i18n/index.ts';

/** A table cell: counts grouped, percentages with a sign, "–" where there is no data. */
export function formatValue(value: number | null, unit: ChartUnit, lang: Language): string {
	if (value === null) return '–';
	const number = new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 1 }).format(value);
	return unit === 'percent' ? `${number}%` : number;
}

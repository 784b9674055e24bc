import { isCategoryCode, REPORT_TYPES, type ReportType } from './report-types.ts';

/** A calendar month, 'YYYY-MM', in Kraków's time. */
export type Month = string;

/** What the statistics are narrowed to; kept in the page URL so a chart can be cited with its filters. */
export interface StatsFilters {
	from: Month;
	to: Month;
	district?: number;
	category?: string;
	type?: ReportType;
}

export type StatsFiltersResult = { ok: true; filters: StatsFilters } | { ok: false; field: keyof StatsFilters; key: StatsFilterError };
export type StatsFilterError =
	| 'errors.stats_month'
	| 'errors.stats_range'
	| 'errors.stats_range_long'
	| 'errors.stats_district'
	| 'errors.stats_category'
	| 'errors.type';

/** A month of this century: anything else is a typing mistake (and years past 9999 would not sort as text). */
const MONTH = /^(20\d\d|2100)-(0[1-9]|1[0-2])$/;

/** The longest range a chart draws, in months: ten years. */
export const MAX_MONTHS = 120;

const monthIndex = (month: Month) => {
	const [y, m] = month.split('-').map(Number);
	return y * 12 + (m - 1);
};

/** The month `n` months after `month` (negative: before). */
export function addMonths(month: Month, n: number): Month {
	const index = monthIndex(month) + n;
	return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Every month from `from` to `to`, both included. */
export function monthsBetween(from: Month, to: Month): Month[] {
	return Array.from({ length: Math.max(0, monthIndex(to) - monthIndex(from) + 1) }, (_, i) => addMonths(from, i));
}

/** Charts look back a year unless asked otherwise. */
export const DEFAULT_MONTHS = 12;

/**
 * Reads the filters from URL parameters (empty values count as unset). Unlike the map's filters, a
 * wrong value is refused with a reason, since a cited figure must be the figure that was asked for.
 * Whether the district and category exist is for the server to check.
 */
export function parseStatsFilters(params: URLSearchParams, currentMonth: Month): StatsFiltersResult {
	const value = (name: string) => params.get(name)?.trim() || undefined;
	const [from, to] = [value('from'), value('to')];
	for (const [field, month] of [['from', from], ['to', to]] as const) {
		if (month !== undefined && !MONTH.test(month)) return { ok: false, field, key: 'errors.stats_month' };
	}
	const end = to ?? currentMonth;
	const start = from ?? addMonths(end, 1 - DEFAULT_MONTHS);
	if (start > end) return { ok: false, field: 'to', key: 'errors.stats_range' };
	if (monthIndex(end) - monthIndex(start) + 1 > MAX_MONTHS) return { ok: false, field: 'from', key: 'errors.stats_range_long' };

	const districtText = value('district');
	const district = districtText === undefined ? undefined : Number(districtText);
	if (district !== undefined && !(/^\d{1,2}$/.test(districtText!) && district >= 1)) {
		return { ok: false, field: 'district', key: 'errors.stats_district' };
	}
	const category = value('category');
	if (category !== undefined && !isCategoryCode(category)) return { ok: false, field: 'category', key: 'errors.stats_category' };
	const type = value('type');
	if (type !== undefined && !(REPORT_TYPES as readonly string[]).includes(type)) return { ok: false, field: 'type', key: 'errors.type' };

	return { ok: true, filters: { from: start, to: end, district, category, type: type as ReportType | undefined } };
}

/** The filters as URL parameters, in a stable order (also the key of the server's per-version cache). */
export function statsFiltersToParams(filters: StatsFilters): URLSearchParams {
	const params = new URLSearchParams({ from: filters.from, to: filters.to });
	if (filters.district) params.set('district', String(filters.district));
	if (filters.category) params.set('category', filters.category);
	if (filters.type) params.set('type', filters.type);
	return params;
}

const warsawDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day in Kraków, 'YYYY-MM-DD': months and ages are counted on Kraków's calendar. */
export function warsawDay(at: Date): string {
	return warsawDate.format(at);
}

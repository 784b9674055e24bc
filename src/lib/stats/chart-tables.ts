/**
 * What each chart of the statistics shows, as a table: its rows and series. The chart, its
 * accessible table and its CSV are all drawn from this one table, so they cannot disagree.
 * Shared by the browser (charts, tables) and the server (CSV).
 */
import type { CategoryFigures, Statistics, Tally } from '../server/stats/figures.ts';
import { CHANNELS } from '../domain/report-types.ts';
import { csvRecord } from '../domain/csv.ts';
import { LOCALES, translate, type Language, type MessageKey } from '../i18n/index.ts';

export const CHART_IDS = ['volume', 'channels', 'resolution', 'resolve-time', 'districts', 'categories', 'resolve-time-categories', 'backlog'] as const;
export type ChartId = (typeof CHART_IDS)[number];

export function isChartId(value: string): value is ChartId {
	return (CHART_IDS as readonly string[]).includes(value);
}

/** How the values read: counts, a percentage (the resolution rate), or days. */
export type ChartUnit = 'reports' | 'percent' | 'days';

export interface ChartSeries {
	label: string;
	unit: ChartUnit;
	/** null: no data (no finished intervention, nothing resolved), never shown as 0. */
	values: (number | null)[];
}

export interface ChartTable {
	id: ChartId;
	title: string;
	/** How the chart draws: bars side by side, stacked bars, or lines over time. */
	kind: 'bar' | 'stacked' | 'line';
	rowHeader: string;
	rows: { key: string; label: string; href?: string }[];
	series: ChartSeries[];
}

const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

/** A category's name, or "Other categories" for the rest summed together. */
export function categoryLabel(category: CategoryFigures, lang: Language): string {
	if (category.code === null) return translate(lang, 'stats.other_categories');
	return lang === 'pl' ? category.namePl : category.nameEn;
}

/** "mar 2026" / "Mar 2026". */
export function monthLabel(month: string, lang: Language): string {
	const [y, m] = month.split('-').map(Number);
	return new Intl.DateTimeFormat(LOCALES[lang], { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, 1));
}

export function chartTable(stats: Statistics, id: ChartId, lang: Language): ChartTable {
	const t = (key: MessageKey) => translate(lang, key);
	const months = stats.months.map((m) => ({ key: m.month, label: monthLabel(m.month, lang) }));
	const rateSeries = (tallies: Tally[]): ChartSeries => ({ label: t('stats.resolution_rate'), unit: 'percent', values: tallies.map((x) => percent(x.resolutionRate)) });
	const daySeries = (tallies: Tally[]): ChartSeries[] => [
		{ label: t('stats.median_days'), unit: 'days', values: tallies.map((x) => x.medianDays) },
		{ label: t('stats.p90_days'), unit: 'days', values: tallies.map((x) => x.p90Days) }
	];
	const categoryRows = stats.categories.map((c) => ({ key: c.code ?? 'other', label: categoryLabel(c, lang) }));
	switch (id) {
		case 'volume':
			return {
				id, title: t('stats.chart_volume'), kind: 'stacked', rowHeader: t('stats.month'), rows: months,
				series: [
					{ label: t('home.problems'), unit: 'reports', values: stats.months.map((m) => m.problems) },
					{ label: t('home.ideas'), unit: 'reports', values: stats.months.map((m) => m.ideas) }
				]
			};
		case 'channels':
			return {
				id, title: t('stats.chart_channels'), kind: 'stacked', rowHeader: t('stats.month'), rows: months,
				series: CHANNELS.map((c) => ({ label: t(`stats.channel_${c}`), unit: 'reports', values: stats.months.map((m) => m.channels[c]) }))
			};
		case 'resolution':
			return { id, title: t('stats.chart_resolution'), kind: 'line', rowHeader: t('stats.month'), rows: months, series: [rateSeries(stats.months)] };
		case 'resolve-time':
			return { id, title: t('stats.chart_resolve_time'), kind: 'line', rowHeader: t('stats.month'), rows: months, series: daySeries(stats.months) };
		case 'districts':
			return {
				id, title: t('stats.chart_districts'), kind: 'bar', rowHeader: t('home.district'),
				rows: stats.districts.map((d) => ({ key: String(d.id), label: d.name, href: `/districts/${d.id}` })),
				series: [
					{ label: t('home.reports'), unit: 'reports', values: stats.districts.map((d) => d.reports) },
					rateSeries(stats.districts)
				]
			};
		case 'categories':
			return {
				id, title: t('stats.chart_categories'), kind: 'bar', rowHeader: t('stats.category'), rows: categoryRows,
				series: [{ label: t('home.reports'), unit: 'reports', values: stats.categories.map((c) => c.reports) }, rateSeries(stats.categories)]
			};
		case 'resolve-time-categories':
			return { id, title: t('stats.chart_resolve_time_categories'), kind: 'bar', rowHeader: t('stats.category'), rows: categoryRows, series: daySeries(stats.categories) };
		case 'backlog':
			return {
				id, title: t('stats.chart_backlog'), kind: 'bar', rowHeader: t('stats.age'),
				rows: (['under7', 'from7to30', 'from30to90', 'over90'] as const).map((k) => ({ key: k, label: t(`stats.age_${k}`) })),
				series: [{ label: t('stats.open_reports'), unit: 'reports', values: [stats.backlog.under7, stats.backlog.from7to30, stats.backlog.from30to90, stats.backlog.over90] }]
			};
	}
}

/** The table as CSV (RFC 4180: a header row, fields quoted where needed, CRLF): exactly the rows and series the chart draws. */
export function chartCsv(table: ChartTable): string {
	const header = csvRecord([table.rowHeader, ...table.series.map((s) => (s.unit === 'percent' ? `${s.label} (%)` : s.label))]);
	return header + table.rows.map((row, i) => csvRecord([row.label, ...table.series.map((s) => s.values[i])])).join('');
}

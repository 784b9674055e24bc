import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/connect.ts';
import { CHANNELS, type Channel, type ReportType } from '../../domain/report-types.ts';
import type { Status } from '../../domain/status.ts';
import { resolutionRate } from '../../domain/resolution.ts';
import { quantileDays, type DayCount } from '../../domain/resolve-time.ts';
import { addMonths, monthsBetween, statsFiltersToParams, warsawDay, type Month, type StatsFilters } from '../../domain/stats-filters.ts';
import { where } from '../map/filter-sql.ts';
import { versionCache } from '../map/version-cache.ts';
import { mapVersion } from '../map/version.ts';

/** What every figure of a group of reports is: volumes, the resolution rate and time to resolve. */
export interface Tally {
	reports: number;
	problems: number;
	ideas: number;
	resolutionRate: number | null;
	medianDays: number | null;
	p90Days: number | null;
}

export interface MonthFigures extends Tally {
	month: Month;
	channels: Record<Channel, number>;
}

export interface DistrictFigures extends Tally {
	id: number;
	name: string;
	population: number | null;
	/** Reports per 1,000 residents, where the population is known. */
	perThousand: number | null;
}

export type CategoryFigures = Tally &
	/** code null: the categories outside the top ones, together. */
	({ code: string; namePl: string; nameEn: string } | { code: null });

/** Open reports by how long they have waited (days since filing, on Kraków's calendar). */
export interface Backlog {
	under7: number;
	from7to30: number;
	from30to90: number;
	over90: number;
}

export interface Statistics {
	filters: StatsFilters;
	/** This month, last month and the year to date (the district, category and type filters apply; the date range does not). */
	headline: { month: Month; thisMonth: Tally; lastMonth: Tally; yearToDate: Tally };
	months: MonthFigures[];
	districts: DistrictFigures[];
	categories: CategoryFigures[];
	backlog: Backlog;
	/** The city as a whole under the same filters but the district: what a district is compared with. */
	city: Tally;
}

/** Categories shown one by one; the rest are summed as one bar. */
export const TOP_CATEGORIES = 8;

/** Which cut of the summary a row belongs to: per month, per district or per category. */
type Cut = 'month' | 'district' | 'category';

interface CountRow {
	cut: Cut;
	key: string;
	status: Status;
	type: ReportType;
	channel: Channel | null;
	reports: number;
}
/** A histogram of days to resolve, as two parallel arrays (one row per group: far fewer rows to ship than one per day). */
interface HistogramRow {
	cut: Cut;
	key: string;
	days: number[];
	counts: number[];
}

const firstDay = (month: Month) => sql`${month + '-01'}::date`;

/**
 * One pass over a summary table for the three cuts the pages show, with `columns` grouped in each
 * (and `monthOnly` in the month cut alone). The month cut spans `scanned` (the charts' months and
 * the headline's) within the district filter; the district cut spans the charts' months over every
 * district (the city is their sum); the category cut, the charts' months within the district filter.
 */
function cuts(
	table: 'report_counts' | 'resolve_day_counts',
	columns: string,
	monthOnly: string,
	filters: StatsFilters,
	scanned: { from: Month; to: Month }
): SQL {
	const inRange = sql`month BETWEEN ${firstDay(filters.from)} AND ${firstDay(filters.to)}`;
	const inDistrict = filters.district ? sql`district_id = ${filters.district}` : sql`true`;
	const conditions = [sql`month BETWEEN ${firstDay(scanned.from)} AND ${firstDay(scanned.to)}`];
	if (filters.category) conditions.push(sql`category_id = (SELECT id FROM categories WHERE code = ${filters.category})`);
	if (filters.type) conditions.push(sql`type = ${filters.type}`);
	const [cols, monthCols] = [sql.raw(columns), sql.raw(monthOnly ? `${columns}, ${monthOnly}` : columns)];
	return sql`
		SELECT CASE WHEN GROUPING(month) = 0 THEN 'month' WHEN GROUPING(district_id) = 0 THEN 'district' ELSE 'category' END AS cut,
			coalesce(to_char(month, 'YYYY-MM'), district_id::text, category_id::text) AS key, ${monthCols},
			coalesce(CASE WHEN GROUPING(month) = 0 THEN sum(reports) FILTER (WHERE ${inDistrict})
				WHEN GROUPING(district_id) = 0 THEN sum(reports) FILTER (WHERE ${inRange})
				ELSE sum(reports) FILTER (WHERE ${inRange} AND ${inDistrict}) END, 0)::int AS reports
		FROM ${sql.raw(table)} ${where(conditions)}
		GROUP BY GROUPING SETS ((month, ${monthCols}), (district_id, ${cols}), (category_id, ${cols}))`;
}

/** Count rows of one cut, by key, the empty ones left out. */
function cutOf(rows: CountRow[], cut: Cut): Map<string, CountRow[]> {
	return Map.groupBy(
		rows.filter((r) => r.cut === cut && r.reports !== 0),
		(r) => r.key
	);
}

/** Histograms of one cut, by key. */
function histogramsOf(rows: HistogramRow[], cut: Cut): Map<string, DayCount[]> {
	return new Map(rows.filter((r) => r.cut === cut).map((r) => [r.key, r.days.map((days, i) => ({ days, reports: r.counts[i] }))]));
}

/** The figures of one group from its rows: the one place a Tally is made. */
export function tally(rows: readonly CountRow[] = [], histogram: readonly DayCount[] = []): Tally {
	const byStatus: Partial<Record<Status, number>> = {};
	let [problems, ideas] = [0, 0];
	for (const row of rows) {
		byStatus[row.status] = (byStatus[row.status] ?? 0) + row.reports;
		if (row.type === 'problem') problems += row.reports;
		else ideas += row.reports;
	}
	return {
		reports: problems + ideas,
		problems,
		ideas,
		resolutionRate: resolutionRate(byStatus),
		medianDays: quantileDays(histogram, 0.5),
		p90Days: quantileDays(histogram, 0.9)
	};
}


/**
 * Every figure of the statistics and district pages, from the summary tables only (report_counts,
 * resolve_day_counts, open_day_counts: never a scan of reports). `today` is Kraków's date, which
 * sets "this month" and the backlog's ages.
 */
export async function statistics(database: Database, filters: StatsFilters, today: string): Promise<Statistics> {
	const month = today.slice(0, 7);
	const headlineFrom = [addMonths(month, -1), `${month.slice(0, 4)}-01`].sort()[0];
	const scanned = { from: [filters.from, headlineFrom].sort()[0], to: [filters.to, month].sort()[1] };
	const [countRows, histogramRows, backlog, districts, categories] = await Promise.all([
		database.rows<CountRow>(cuts('report_counts', 'status, type', 'channel', filters, scanned)),
		database.rows<HistogramRow>(sql`
			SELECT cut, key, array_agg(days ORDER BY days) AS days, array_agg(reports ORDER BY days) AS counts
			FROM (${cuts('resolve_day_counts', 'days', '', filters, scanned)}) cut_days
			WHERE reports <> 0 GROUP BY cut, key`),
		backlogOf(database, filters, today),
		database.rows<{ id: number; name: string; population: number | null }>(sql`SELECT id, name, population FROM districts ORDER BY id`),
		database.rows<{ id: number; code: string; namePl: string; nameEn: string }>(
			sql`SELECT id, code, name_pl AS "namePl", name_en AS "nameEn" FROM categories ORDER BY sort_order, code`
		)
	]);

	const [mc, md] = [cutOf(countRows, 'month'), histogramsOf(histogramRows, 'month')];
	const months = monthsBetween(filters.from, filters.to).map((m): MonthFigures => {
		const rows = mc.get(m) ?? [];
		const channels = Object.fromEntries(CHANNELS.map((c) => [c, 0])) as Record<Channel, number>;
		for (const row of rows) channels[row.channel!] += row.reports;
		return { month: m, ...tally(rows, md.get(m)), channels };
	});

	const [dc, dd] = [cutOf(countRows, 'district'), histogramsOf(histogramRows, 'district')];
	// Every district, whatever the district filter: a district's page and a filtered view keep the others for comparison.
	const districtFigures = districts.map((d): DistrictFigures => {
		const figures = tally(dc.get(String(d.id)), dd.get(String(d.id)));
		return { id: d.id, name: d.name, population: d.population, ...figures, perThousand: d.population ? (figures.reports * 1000) / d.population : null };
	});

	const [cc, cd] = [cutOf(countRows, 'category'), histogramsOf(histogramRows, 'category')];
	const ranked = categories
		.map((c) => ({ category: c, figures: tally(cc.get(String(c.id)), cd.get(String(c.id))) }))
		.filter((c) => c.figures.reports > 0)
		.sort((a, b) => b.figures.reports - a.figures.reports);
	const rest = ranked.slice(TOP_CATEGORIES);
	const categoryFigures: CategoryFigures[] = ranked.slice(0, TOP_CATEGORIES).map(({ category, figures }) => ({ code: category.code, namePl: category.namePl, nameEn: category.nameEn, ...figures }));
	if (rest.length) {
		const ids = rest.map((r) => String(r.category.id));
		categoryFigures.push({
			code: null,
			...tally(ids.flatMap((id) => cc.get(id) ?? []), ids.flatMap((id) => cd.get(id) ?? []))
		});
	}

	const ytd = monthsBetween(`${month.slice(0, 4)}-01`, month);
	return {
		filters,
		headline: {
			month,
			thisMonth: tally(mc.get(month), md.get(month)),
			lastMonth: tally(mc.get(addMonths(month, -1)), md.get(addMonths(month, -1))),
			yearToDate: tally(ytd.flatMap((m) => mc.get(m) ?? []), ytd.flatMap((m) => md.get(m) ?? []))
		},
		months,
		districts: districtFigures,
		categories: categoryFigures,
		backlog,
		// Every district under the same filters but the district: the city a district is compared with.
		city: tally([...dc.values()].flat(), [...dd.values()].flat())
	};
}

/** Every open report today by its age (under 7 days, 7–30, 30–90, over 90): the date range does not apply, a backlog is now. */
async function backlogOf(database: Database, filters: StatsFilters, today: string): Promise<Backlog> {
	const age = sql`(${today}::date - day)`;
	const [backlog] = await database.rows<Backlog>(sql`
		SELECT coalesce(sum(reports) FILTER (WHERE ${age} < 7), 0)::int AS under7,
			coalesce(sum(reports) FILTER (WHERE ${age} >= 7 AND ${age} < 30), 0)::int AS "from7to30",
			coalesce(sum(reports) FILTER (WHERE ${age} >= 30 AND ${age} < 90), 0)::int AS "from30to90",
			coalesce(sum(reports) FILTER (WHERE ${age} >= 90), 0)::int AS over90
		FROM open_day_counts
		WHERE true
			${filters.district ? sql`AND district_id = ${filters.district}` : sql``}
			${filters.category ? sql`AND category_id = (SELECT id FROM categories WHERE code = ${filters.category})` : sql``}
			${filters.type ? sql`AND type = ${filters.type}` : sql``}`);
	return backlog;
}

const computed = versionCache<Statistics>(64);

/**
 * The statistics as they stand: computed once per map version (filing, moving, hiding or a change of
 * status moves it), Kraków day (ages and "this month" move with the calendar) and filter set,
 * however many read them.
 */
export async function currentStatistics(database: Database, filters: StatsFilters, now = new Date()): Promise<Statistics> {
	const today = warsawDay(now);
	return computed(await mapVersion(database), `${today}?${statsFiltersToParams(filters)}`, () => statistics(database, filters, today));
}

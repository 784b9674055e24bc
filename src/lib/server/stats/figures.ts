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

export interface CategoryFigures extends Tally {
	/** null: the categories outside the top ones, together. */
	code: string | null;
	namePl: string;
	nameEn: string;
}

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

interface CountRow {
	key: string;
	status: Status;
	type: ReportType;
	channel?: Channel;
	reports: number;
}
interface DayRow {
	key: string;
	days: number;
	reports: number;
}

/** Conditions on the summary tables' shared columns (district_id, category_id, type), and on their month. */
function conditions(filters: Partial<StatsFilters>, month: SQL, range?: { from: Month; to: Month }): SQL[] {
	const found: SQL[] = [];
	if (range) found.push(sql`${month} BETWEEN ${range.from + '-01'}::date AND ${range.to + '-01'}::date`);
	if (filters.district) found.push(sql`district_id = ${filters.district}`);
	if (filters.category) found.push(sql`category_id = (SELECT id FROM categories WHERE code = ${filters.category})`);
	if (filters.type) found.push(sql`type = ${filters.type}`);
	return found;
}

/** Visible reports per `key` × status × type (× channel), from report_counts. */
function counts(database: Database, key: SQL, filters: Partial<StatsFilters>, range: { from: Month; to: Month }, withChannel = false) {
	return database.rows<CountRow>(sql`
		SELECT ${key} AS key, status, type, ${withChannel ? sql`channel` : sql`NULL`} AS channel, sum(reports)::int AS reports
		FROM report_counts ${where(conditions(filters, sql`month`, range))}
		GROUP BY 1, 2, 3, 4 HAVING sum(reports) <> 0`);
}

/** Resolved reports per `key` × whole days to resolve, from resolve_day_counts. */
function days(database: Database, key: SQL, filters: Partial<StatsFilters>, range: { from: Month; to: Month }) {
	return database.rows<DayRow>(sql`
		SELECT ${key} AS key, days, sum(reports)::int AS reports
		FROM resolve_day_counts ${where(conditions(filters, sql`month`, range))}
		GROUP BY 1, 2 HAVING sum(reports) <> 0`);
}

const byKey = <T extends { key: string }>(rows: T[]) => Map.groupBy(rows, (r) => String(r.key));

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

const monthKey = sql`to_char(month, 'YYYY-MM')`;

/**
 * Every figure of the statistics and district pages, from the summary tables only (report_counts,
 * resolve_day_counts, open_day_counts: never a scan of reports). `today` is Kraków's date, which
 * sets "this month" and the backlog's ages.
 */
export async function statistics(database: Database, filters: StatsFilters, today: string): Promise<Statistics> {
	const range = { from: filters.from, to: filters.to };
	const month = today.slice(0, 7);
	const headlineRange = { from: [addMonths(month, -1), `${month.slice(0, 4)}-01`].sort()[0], to: month };
	// The city over the same months, categories and type: what a district is compared with.
	const cityFilters = { ...filters, district: undefined };
	const [monthCounts, monthDays, districtCounts, districtDays, categoryCounts, categoryDays, headCounts, headDays, cityCounts, cityDays, backlog, districts, categories] =
		await Promise.all([
			counts(database, monthKey, filters, range, true),
			days(database, monthKey, filters, range),
			counts(database, sql`district_id::text`, filters, range),
			days(database, sql`district_id::text`, filters, range),
			counts(database, sql`category_id::text`, filters, range),
			days(database, sql`category_id::text`, filters, range),
			counts(database, monthKey, filters, headlineRange),
			days(database, monthKey, filters, headlineRange),
			counts(database, sql`''`, cityFilters, range),
			days(database, sql`''`, cityFilters, range),
			backlogOf(database, filters, today),
			database.rows<{ id: number; name: string; population: number | null }>(sql`SELECT id, name, population FROM districts ORDER BY id`),
			database.rows<{ id: number; code: string; namePl: string; nameEn: string }>(
				sql`SELECT id, code, name_pl AS "namePl", name_en AS "nameEn" FROM categories ORDER BY sort_order, code`
			)
		]);

	const [mc, md] = [byKey(monthCounts), byKey(monthDays)];
	const months = monthsBetween(filters.from, filters.to).map((m): MonthFigures => {
		const rows = mc.get(m) ?? [];
		const channels = Object.fromEntries(CHANNELS.map((c) => [c, 0])) as Record<Channel, number>;
		for (const row of rows) channels[row.channel!] += row.reports;
		return { month: m, ...tally(rows, md.get(m)), channels };
	});

	const [dc, dd] = [byKey(districtCounts), byKey(districtDays)];
	const districtFigures = districts.map((d): DistrictFigures => {
		const figures = tally(dc.get(String(d.id)), dd.get(String(d.id)));
		return { id: d.id, name: d.name, population: d.population, ...figures, perThousand: d.population ? (figures.reports * 1000) / d.population : null };
	});

	const [cc, cd] = [byKey(categoryCounts), byKey(categoryDays)];
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
			namePl: 'Pozostałe kategorie',
			nameEn: 'Other categories',
			...tally(ids.flatMap((id) => cc.get(id) ?? []), ids.flatMap((id) => cd.get(id) ?? []))
		});
	}

	const [hc, hd] = [byKey(headCounts), byKey(headDays)];
	const ytd = monthsBetween(`${month.slice(0, 4)}-01`, month);
	return {
		filters,
		headline: {
			month,
			thisMonth: tally(hc.get(month), hd.get(month)),
			lastMonth: tally(hc.get(addMonths(month, -1)), hd.get(addMonths(month, -1))),
			yearToDate: tally(ytd.flatMap((m) => hc.get(m) ?? []), ytd.flatMap((m) => hd.get(m) ?? []))
		},
		months,
		districts: districtFigures,
		categories: categoryFigures,
		backlog,
		city: tally(cityCounts, cityDays)
	};
}

/** Open reports filed within the range, by age today (under 7 days, 7–30, 30–90, over 90). */
async function backlogOf(database: Database, filters: StatsFilters, today: string): Promise<Backlog> {
	const age = sql`(${today}::date - day)`;
	const [backlog] = await database.rows<Backlog>(sql`
		SELECT coalesce(sum(reports) FILTER (WHERE ${age} < 7), 0)::int AS under7,
			coalesce(sum(reports) FILTER (WHERE ${age} >= 7 AND ${age} < 30), 0)::int AS "from7to30",
			coalesce(sum(reports) FILTER (WHERE ${age} >= 30 AND ${age} < 90), 0)::int AS "from30to90",
			coalesce(sum(reports) FILTER (WHERE ${age} >= 90), 0)::int AS over90
		FROM open_day_counts ${where(conditions(filters, sql`date_trunc('month', day)::date`, filters))}`);
	return backlog;
}

const computed = versionCache<Statistics>(64);

/**
 * The statistics as they stand: computed once per map version (any change to reports moves it),
 * Kraków day (ages and "this month" move with the calendar) and filter set, however many read them.
 */
export async function currentStatistics(database: Database, filters: StatsFilters, now = new Date()): Promise<Statistics> {
	const today = warsawDay(now);
	return computed(await mapVersion(database), `${today}?${statsFiltersToParams(filters)}`, () => statistics(database, filters, today));
}

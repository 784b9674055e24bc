import { bigint, date, integer, pgTable, primaryKey, smallint, text } from 'drizzle-orm/pg-core';

/**
 * Visible reports counted per month (Europe/Warsaw) × district × category × channel × status,
 * kept current by triggers on reports, so statistics never scan the reports table.
 */
export const reportCounts = pgTable(
	'report_counts',
	{
		month: date('month').notNull(),
		districtId: smallint('district_id').notNull(),
		categoryId: integer('category_id').notNull(),
		channel: text('channel').notNull(),
		status: text('status').notNull(),
		type: text('type').notNull(),
		reports: integer('reports').notNull(),
		// Sum of (resolved_at - created_at) over the resolved ones, for the mean time to resolve.
		resolveSeconds: bigint('resolve_seconds', { mode: 'number' }).notNull()
	},
	(t) => [primaryKey({ columns: [t.month, t.districtId, t.categoryId, t.channel, t.status] })]
);

/**
 * Visible reports per district × category × status, all time: the map's per-district counts for any
 * filter set are a sum over these few thousand rows, not over report_counts' months and channels.
 * Kept by report_counts_add (migration 0014) from the same deltas as report_counts.
 */
export const districtCounts = pgTable(
	'district_counts',
	{
		districtId: smallint('district_id').notNull(),
		categoryId: integer('category_id').notNull(),
		status: text('status').notNull(),
		type: text('type').notNull(),
		reports: integer('reports').notNull()
	},
	(t) => [primaryKey({ columns: [t.districtId, t.categoryId, t.status] })]
);

/**
 * Resolved visible reports per month filed (Europe/Warsaw) × district × category and whole days
 * from filing to resolution: a histogram, so the median and 90th percentile of time to resolve can
 * be read for any filter without scanning reports. Kept by report_distributions_move (migration 0016).
 */
export const resolveDayCounts = pgTable(
	'resolve_day_counts',
	{
		month: date('month').notNull(),
		districtId: smallint('district_id').notNull(),
		categoryId: integer('category_id').notNull(),
		type: text('type').notNull(),
		days: integer('days').notNull(),
		reports: integer('reports').notNull()
	},
	(t) => [primaryKey({ columns: [t.month, t.districtId, t.categoryId, t.days] })]
);

/**
 * Open visible reports per day filed (Europe/Warsaw) × district × category: the open backlog by age
 * (under 7 days, 7–30, 30–90, over 90) on any day, without scanning reports. Same triggers.
 */
export const openDayCounts = pgTable(
	'open_day_counts',
	{
		day: date('day').notNull(),
		districtId: smallint('district_id').notNull(),
		categoryId: integer('category_id').notNull(),
		type: text('type').notNull(),
		reports: integer('reports').notNull()
	},
	(t) => [primaryKey({ columns: [t.day, t.districtId, t.categoryId] })]
);

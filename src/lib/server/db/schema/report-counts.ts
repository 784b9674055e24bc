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

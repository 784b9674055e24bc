import { doublePrecision, integer, pgTable, primaryKey, smallint, bigint, text } from 'drizzle-orm/pg-core';

/**
 * Visible reports counted per map cell, the cell being a zoom-17 web-mercator tile (about 200 m in
 * Kraków), split by district, category and status so the map's filters apply to the counts. Kept
 * current by triggers; the map's low-zoom tiles sum these rows instead of reading reports.
 */
export const reportCells = pgTable(
	'report_cells',
	{
		x: integer('x').notNull(),
		y: integer('y').notNull(),
		districtId: smallint('district_id').notNull(),
		categoryId: integer('category_id').notNull(),
		status: text('status').notNull(),
		type: text('type').notNull(),
		reports: integer('reports').notNull(),
		// Sums of the reports' web-mercator coordinates: a cluster is drawn at its reports' mean, not the cell's corner.
		sumX: doublePrecision('sum_x').notNull(),
		sumY: doublePrecision('sum_y').notNull()
	},
	(t) => [primaryKey({ columns: [t.x, t.y, t.districtId, t.categoryId, t.status] })]
);

/** Bumped whenever a change to reports changes what the map shows; tile URLs and ETags carry it. */
export const mapVersion = pgTable('map_version', {
	id: smallint('id').primaryKey().default(1),
	version: bigint('version', { mode: 'number' }).notNull().default(0)
});

import { sql, type SQL } from 'drizzle-orm';
import { filteredStatuses, PERIODS, type MapFilters } from '../../domain/map-filters.ts';

export const list = (values: readonly (string | number)[]) => sql.join(values.map((v) => sql`${v}`), sql`, `);

/**
 * The filters as SQL conditions on the columns reports, report_cells, report_counts and district_counts share
 * (type, category_id, status, district_id). The period needs created_at, so only `reports` can take it.
 */
export function filterConditions(filters: MapFilters): SQL[] {
	const conditions: SQL[] = [];
	if (filters.type) conditions.push(sql`type = ${filters.type}`);
	if (filters.categories.length) {
		conditions.push(sql`category_id IN (SELECT id FROM categories WHERE code IN (${list(filters.categories)}))`);
	}
	const statuses = filteredStatuses(filters);
	if (statuses) conditions.push(statuses.length ? sql`status IN (${list(statuses)})` : sql`false`);
	if (filters.district) conditions.push(sql`district_id = ${filters.district}`);
	return conditions;
}

/** Visible reports within the filters' period: the raw source when a summary table cannot answer. */
export function periodCondition(filters: MapFilters): SQL {
	return filters.period
		? sql`NOT hidden AND created_at >= now() - make_interval(days => ${PERIODS[filters.period]})`
		: sql`NOT hidden`;
}

export const where = (conditions: SQL[]) => (conditions.length ? sql`WHERE ${sql.join(conditions, sql` AND `)}` : sql``);

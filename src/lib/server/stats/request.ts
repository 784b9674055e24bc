import type { Database } from '../db/connect.ts';
import { InputError } from '../errors.ts';
import { checkedCatalog, type CategoryOption, type DistrictOption } from '../catalog/read.ts';
import { parseStatsFilters, warsawDay, type StatsFilters } from '../../domain/stats-filters.ts';
import { currentStatistics, type Statistics } from './figures.ts';

export interface StatsRequest {
	filters: StatsFilters;
	stats: Statistics;
	districts: DistrictOption[];
	categories: CategoryOption[];
}

/**
 * The statistics a URL asks for, its filters checked against the districts and categories that
 * exist: a malformed or unknown value throws an InputError (400) naming what was wrong.
 */
export async function statisticsFor(database: Database, params: URLSearchParams, fixed: Partial<StatsFilters> = {}): Promise<StatsRequest> {
	const parsed = parseStatsFilters(params, warsawDay(new Date()).slice(0, 7));
	if (!parsed.ok) throw new InputError(parsed.key, { field: parsed.field });
	const filters = { ...parsed.filters, ...fixed };
	const { districts, categories } = await checkedCatalog(database, filters);
	return { filters, stats: await currentStatistics(database, filters), districts, categories };
}

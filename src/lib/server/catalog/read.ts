import { sql } from 'drizzle-orm';
import type { Database } from '../db/connect.ts';
import { InputError } from '../errors.ts';
import type { ReportType } from '../../domain/report-types.ts';

export interface CategoryOption {
	code: string;
	type: ReportType;
	namePl: string;
	nameEn: string;
}

export interface DistrictOption {
	id: number;
	name: string;
}

/** Categories in pick-list order, for filters and the report form. */
export function listCategories(database: Database): Promise<CategoryOption[]> {
	return database.rows<CategoryOption>(sql`SELECT code, type, name_pl AS "namePl", name_en AS "nameEn" FROM categories ORDER BY sort_order, code`);
}

export function listDistricts(database: Database): Promise<DistrictOption[]> {
	return database.rows<DistrictOption>(sql`SELECT id, name FROM districts ORDER BY id`);
}

/**
 * The districts and categories, with the ones a filter names looked up: an unknown district or
 * category throws an InputError (400) naming the field.
 */
export async function checkedCatalog(database: Database, wanted: { district?: number; category?: string }) {
	const [districts, categories] = await Promise.all([listDistricts(database), listCategories(database)]);
	const district = wanted.district ? districts.find((d) => d.id === wanted.district) : undefined;
	if (wanted.district && !district) throw new InputError('errors.stats_district', { field: 'district' });
	const category = wanted.category ? categories.find((c) => c.code === wanted.category) : undefined;
	if (wanted.category && !category) throw new InputError('errors.stats_category', { field: 'category' });
	return { districts, categories, district, category };
}

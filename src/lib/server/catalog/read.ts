import { sql } from 'drizzle-orm';
import type { Database } from '../db/connect.ts';
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

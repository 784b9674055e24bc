import { sql } from 'drizzle-orm';
import type { Database } from '../db/connect.ts';

export interface DepartmentOption {
	id: number;
	code: string;
	namePl: string;
	nameEn: string;
}

/** The units KCK forwards to, for staff forms. */
export function listDepartments(database: Database): Promise<DepartmentOption[]> {
	return database.rows<DepartmentOption>(sql`SELECT id, code, name_pl AS "namePl", name_en AS "nameEn" FROM departments ORDER BY name_pl`);
}

import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { rowsOf, type Database } from '../db/connect.ts';
import { InputError } from '../errors.ts';
import { mapChanged } from '../map/version.ts';
import { REPORT_TYPES } from '../../domain/report-types.ts';
import { audit } from './audit.ts';

const code = z.string().trim().regex(/^[a-z][a-z_]{1,39}$/, 'errors.catalog_code');
const name = z.string().trim().min(2, 'errors.catalog_name').max(100, 'errors.catalog_name');

const departmentSchema = z.object({ code, namePl: name, nameEn: name });
const categorySchema = z.object({
	code,
	type: z.enum(REPORT_TYPES, 'errors.type'),
	namePl: name,
	nameEn: name,
	department: code,
	sortOrder: z.coerce.number('errors.catalog_order').int('errors.catalog_order').min(0, 'errors.catalog_order').max(999, 'errors.catalog_order')
});

function parsed<T>(schema: z.ZodType<T>, input: unknown): T {
	const result = schema.safeParse(input);
	if (!result.success) {
		const issue = result.error.issues[0];
		throw new InputError(issue.message, { field: String(issue.path[0]) });
	}
	return result.data;
}

type By = { accountId: number; address: string };

/**
 * Adds a department, or renames the one with this code. Statistics and lists read names when they
 * are built, so the map version moves and every cached page is built again.
 */
export async function saveDepartment(database: Database, input: Record<string, string>, by: By): Promise<void> {
	const department = parsed(departmentSchema, input);
	await database.db.transaction(async (tx) => {
		await tx.execute(sql`INSERT INTO departments (code, name_pl, name_en) VALUES (${department.code}, ${department.namePl}, ${department.nameEn})
			ON CONFLICT (code) DO UPDATE SET name_pl = excluded.name_pl, name_en = excluded.name_en`);
		await audit(tx, { accountId: by.accountId, action: 'catalog_change', address: by.address, details: { department } });
		await tx.execute(sql`SELECT map_version_bump_at_commit()`);
	});
	mapChanged(database);
}

/**
 * Adds a category, or changes the names, usual department and order of the one with this code.
 * A category's type stays what it was made with: its reports carry that type.
 */
export async function saveCategory(database: Database, input: Record<string, string>, by: By): Promise<void> {
	const category = parsed(categorySchema, input);
	await database.db.transaction(async (tx) => {
		const [department] = await rowsOf<{ id: number }>(tx, sql`SELECT id FROM departments WHERE code = ${category.department}`);
		if (!department) throw new InputError('errors.staff_department', { field: 'department' });
		const [existing] = await rowsOf<{ type: string }>(tx, sql`SELECT type FROM categories WHERE code = ${category.code}`);
		if (existing && existing.type !== category.type) throw new InputError('errors.catalog_type_fixed', { field: 'type' });
		await tx.execute(sql`INSERT INTO categories (code, type, name_pl, name_en, default_department_id, sort_order)
			VALUES (${category.code}, ${category.type}, ${category.namePl}, ${category.nameEn}, ${department.id}, ${category.sortOrder})
			ON CONFLICT (code) DO UPDATE SET name_pl = excluded.name_pl, name_en = excluded.name_en,
				default_department_id = excluded.default_department_id, sort_order = excluded.sort_order`);
		await audit(tx, { accountId: by.accountId, action: 'catalog_change', address: by.address, details: { category } });
		await tx.execute(sql`SELECT map_version_bump_at_commit()`);
	});
	mapChanged(database);
}

export interface CatalogCategory {
	code: string;
	type: string;
	namePl: string;
	nameEn: string;
	department: string | null;
	sortOrder: number;
}

/** Categories with their usual department's code, in the pick list's order. */
export function catalogCategories(database: Database): Promise<CatalogCategory[]> {
	return database.rows<CatalogCategory>(sql`SELECT c.code, c.type, c.name_pl AS "namePl", c.name_en AS "nameEn", d.code AS department, c.sort_order AS "sortOrder"
		FROM categories c LEFT JOIN departments d ON d.id = c.default_department_id ORDER BY c.sort_order, c.code`);
}

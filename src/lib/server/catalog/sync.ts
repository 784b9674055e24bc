import type { Database } from '../db/connect.ts';
import { categories, departments } from '../db/schema/index.ts';
import { CATEGORIES, DEPARTMENTS } from './catalog-data.ts';

/**
 * Adds the departments and categories of catalog-data.ts that the database lacks; safe to run at
 * every start. Existing ones are left as they are: admins manage them on /staff/admin/catalog.
 */
export async function syncCatalog({ db }: Database): Promise<void> {
	await db.transaction(async (tx) => {
		await tx
			.insert(departments)
			.values([...DEPARTMENTS])
			.onConflictDoNothing({ target: departments.code });
		const ids = new Map((await tx.select({ id: departments.id, code: departments.code }).from(departments)).map((d) => [d.code, d.id]));
		await tx
			.insert(categories)
			.values(
				CATEGORIES.map((c, i) => ({
					code: c.code,
					type: c.type,
					namePl: c.namePl,
					nameEn: c.nameEn,
					defaultDepartmentId: ids.get(c.department),
					sortOrder: i
				}))
			)
			.onConflictDoNothing({ target: categories.code });
	});
}

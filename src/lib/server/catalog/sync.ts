import { sql } from 'drizzle-orm';
import type { Database } from '../db/connect.ts';
import { categories, departments } from '../db/schema/index.ts';
import { CATEGORIES, DEPARTMENTS } from './catalog-data.ts';

/** Brings departments and categories in line with catalog-data.ts; safe to run at every start. */
export async function syncCatalog({ db }: Database): Promise<void> {
	await db.transaction(async (tx) => {
		await tx
			.insert(departments)
			.values([...DEPARTMENTS])
			.onConflictDoUpdate({
				target: departments.code,
				set: { namePl: sql`excluded.name_pl`, nameEn: sql`excluded.name_en` }
			});
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
			.onConflictDoUpdate({
				target: categories.code,
				set: {
					type: sql`excluded.type`,
					namePl: sql`excluded.name_pl`,
					nameEn: sql`excluded.name_en`,
					defaultDepartmentId: sql`excluded.default_department_id`,
					sortOrder: sql`excluded.sort_order`
				}
			});
	});
}

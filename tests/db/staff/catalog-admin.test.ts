import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '../../../src/lib/server/db/connect.ts';
import { saveCategory, saveDepartment } from '../../../src/lib/server/staff/catalog-admin.ts';
import { syncCatalog } from '../../../src/lib/server/catalog/sync.ts';
import { listCategories } from '../../../src/lib/server/catalog/read.ts';
import { listAudit } from '../../../src/lib/server/staff/audit.ts';
import { mapVersion } from '../../../src/lib/server/map/version.ts';
import { createReport } from '../../../src/lib/server/reports/create.ts';
import { newReportSchema } from '../../../src/lib/domain/report-input.ts';
import { testDatabase } from '../../support/database.ts';
import { clearStaff, staffMember } from '../../support/staff.ts';

let database: Database;
let by: { accountId: number; address: string };

beforeAll(async () => {
	database = await testDatabase();
	await clearStaff(database);
	by = { accountId: (await staffMember(database, 'admin@kck.example', 'admin')).id, address: '127.0.0.1' };
});
afterAll(async () => {
	// Other test files expect the catalog as catalog-data.ts makes it.
	await database.db.execute(sql`DELETE FROM reports WHERE category_id IN (SELECT id FROM categories WHERE code = 'snow_clearing')`);
	await database.db.execute(sql`DELETE FROM categories WHERE code = 'snow_clearing'`);
	await database.db.execute(sql`DELETE FROM departments WHERE code = 'zimowe_utrzymanie'`);
	await database.db.execute(sql`UPDATE departments SET name_pl = 'Zarząd Zieleni Miejskiej' WHERE code = 'zzm'`);
});

describe('the catalog, managed by admins', () => {
	it('takes a new department and category, which reports can use at once, and moves the map version', async () => {
		const before = await mapVersion(database);
		await saveDepartment(database, { code: 'zimowe_utrzymanie', namePl: 'Akcja Zima', nameEn: 'Winter service' }, by);
		await saveCategory(database, { code: 'snow_clearing', type: 'problem', namePl: 'Nieodśnieżony chodnik', nameEn: 'Snow not cleared', department: 'zimowe_utrzymanie', sortOrder: '3' }, by);
		expect((await listCategories(database)).find((c) => c.code === 'snow_clearing')).toMatchObject({ type: 'problem', namePl: 'Nieodśnieżony chodnik' });
		await createReport(database, newReportSchema.parse({ type: 'problem', category: 'snow_clearing', title: 'Śnieg na chodniku', lng: 19.9372, lat: 50.0614 }));
		expect(await mapVersion(database)).toBeGreaterThan(before);
		expect(await listAudit(database, { action: 'catalog_change' })).toHaveLength(2);
	});

	it('keeps an admin’s renaming when the app starts again', async () => {
		await saveDepartment(database, { code: 'zzm', namePl: 'Zarząd Zieleni Miejskiej w Krakowie', nameEn: 'Municipal Greenery Board' }, by);
		await syncCatalog(database);
		const [row] = await database.rows<{ name: string }>(sql`SELECT name_pl AS name FROM departments WHERE code = 'zzm'`);
		expect(row.name).toBe('Zarząd Zieleni Miejskiej w Krakowie');
	});

	it.each([
		['a code with capitals', { code: 'Snow' }, 'errors.catalog_code'],
		['a one-letter name', { namePl: 'x' }, 'errors.catalog_name'],
		['an unknown department', { department: 'nasa' }, 'errors.staff_department'],
		['a change of an existing category’s type', { code: 'pothole', type: 'idea' }, 'errors.catalog_type_fixed'],
		['an order past 999', { sortOrder: '1000' }, 'errors.catalog_order']
	])('refuses %s', async (_, change, key) => {
		const category = { code: 'benches', type: 'idea', namePl: 'Ławki', nameEn: 'Benches', department: 'zzm', sortOrder: '5', ...change };
		await expect(saveCategory(database, category, by)).rejects.toMatchObject({ key });
	});
});

import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '../../../src/lib/server/db/connect.ts';
import { createReport } from '../../../src/lib/server/reports/create.ts';
import { newReportSchema } from '../../../src/lib/domain/report-input.ts';
import { clearReports, rowCounts, testDatabase } from '../../support/database.ts';

let database: Database;
const input = (overrides: Record<string, unknown> = {}) =>
	newReportSchema.parse({ type: 'problem', category: 'pothole', title: 'Dziura przy Rynku', lng: 19.9372, lat: 50.0614, ...overrides });

beforeAll(async () => {
	database = await testDatabase();
});
beforeEach(() => clearReports(database));

describe('filing a report', () => {
	it('stores it in the district PostGIS finds, with a public reference and its first status', async () => {
		const created = await createReport(database, input({ email: 'ala@example.com', phone: '+48 601 234 567' }));
		expect(created.districtId).toBe(1);
		expect(created.publicRef).toMatch(/^KCK-\d{4}-\d{6}$/);
		const [row] = await database.rows<Record<string, unknown>>(sql`
			SELECT r.status, r.district_id, r.is_generated, ST_X(r.location) AS lng, c.code AS category,
				(SELECT array_agg(to_status) FROM status_changes WHERE report_id = r.id) AS history,
				(SELECT email FROM reporter_contacts WHERE report_id = r.id) AS email,
				(SELECT phone FROM reporter_contacts WHERE report_id = r.id) AS phone
			FROM reports r JOIN categories c ON c.id = r.category_id WHERE r.id = ${created.id}`);
		expect(row).toEqual({ status: 'new', district_id: 1, is_generated: false, lng: 19.9372, category: 'pothole', history: ['new'], email: 'ala@example.com', phone: '+48 601 234 567' });
	});

	it('keeps public references unique past a million reports', async () => {
		await database.db.execute(sql`SELECT setval(pg_get_serial_sequence('reports', 'id'), 999998)`);
		const refs = [(await createReport(database, input())).publicRef, (await createReport(database, input())).publicRef];
		expect(refs.map((ref) => ref.replace(/^KCK-\d{4}-/, ''))).toEqual(['999999', '1000000']);
	});

	it('ignores any district the client might claim', async () => {
		const created = await createReport(database, { ...input({ lng: 20.0378, lat: 50.0719 }), districtId: 1 } as never);
		expect(created.districtId).toBe(18);
	});

	it.each([
		['a pin outside Kraków', { lng: 19.8, lat: 50.2 }, 'errors.outside_city', 'location'],
		['a pin in the sea', { lng: 0, lat: 0 }, 'errors.outside_city', 'location'],
		['an unknown category', { category: 'dragons' }, 'errors.category', 'category'],
		['an idea category on a problem', { category: 'green_patch' }, 'errors.category', 'category']
	])('refuses %s with a clear error and writes nothing', async (_, overrides, key, field) => {
		const before = await rowCounts(database);
		await expect(createReport(database, input(overrides))).rejects.toMatchObject({ key, field, status: 400 });
		expect(await rowCounts(database)).toEqual(before);
	});
});

describe('the same submission twice', () => {
	const twice = () => input({ title: 'Dziura wysłana dwa razy' });

	it('files one report, whether the second comes after the first or at the same moment', async () => {
		const first = await createReport(database, twice(), undefined, { submissionKey: 'form-key-0001-aaaaaaaa' });
		const again = await createReport(database, twice(), undefined, { submissionKey: 'form-key-0001-aaaaaaaa' });
		expect(again).toEqual({ ...first, repeated: true });
		const twins = await Promise.all([1, 2, 3].map(() => createReport(database, twice(), undefined, { submissionKey: 'form-key-0002-bbbbbbbb' })));
		expect(new Set(twins.map((r) => r.publicRef)).size).toBe(1);
		expect(twins.filter((r) => r.repeated)).toHaveLength(2);
		const [{ filed }] = await database.rows<{ filed: number }>(sql`SELECT count(*)::int AS filed FROM reports WHERE title = 'Dziura wysłana dwa razy'`);
		expect(filed).toBe(2);
	});

	it('can be sent again after a refusal, and refuses a malformed key', async () => {
		const outside = newReportSchema.parse({ type: 'problem', category: 'pothole', title: 'Poza Krakowem', lng: 21.0122, lat: 52.2297 });
		await expect(createReport(database, outside, undefined, { submissionKey: 'form-key-0003-cccccccc' })).rejects.toMatchObject({ key: 'errors.outside_city' });
		expect(await createReport(database, twice(), undefined, { submissionKey: 'form-key-0003-cccccccc' })).not.toHaveProperty('repeated');
		await expect(createReport(database, twice(), undefined, { submissionKey: "x'; DROP TABLE reports; --" })).rejects.toMatchObject({ status: 400, key: 'errors.submission_key' });
	});
});

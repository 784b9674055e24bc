import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '../../../src/lib/server/db/connect.ts';
import { createReport } from '../../../src/lib/server/reports/create.ts';
import { findReport } from '../../../src/lib/server/reports/read.ts';
import { listReports } from '../../../src/lib/server/reports/list.ts';
import { openReportsNear } from '../../../src/lib/server/reports/nearby.ts';
import { newReportSchema } from '../../../src/lib/domain/report-input.ts';
import { NO_FILTERS } from '../../../src/lib/domain/map-filters.ts';
import { PAGE_SIZE } from '../../../src/lib/domain/list-query.ts';
import { clearReports, testDatabase } from '../../support/database.ts';

let database: Database;
const RYNEK = { lng: 19.9372, lat: 50.0614 };
/** Degrees of longitude per metre at Kraków's latitude. */
const LNG_PER_METRE = 1 / (111_320 * Math.cos((50.06 * Math.PI) / 180));

async function file(title: string, offsetMetres: number, overrides: Record<string, unknown> = {}) {
	return createReport(
		database,
		newReportSchema.parse({ type: 'problem', category: 'pothole', title, lng: RYNEK.lng + offsetMetres * LNG_PER_METRE, lat: RYNEK.lat, ...overrides })
	);
}

beforeAll(async () => {
	database = await testDatabase();
});
beforeEach(() => clearReports(database));

describe('nearby open reports', () => {
	it('finds open reports within 50 m, the same category first, then the nearest', async () => {
		await file('Dziura 10 m', 10);
		await file('Latarnia 5 m', 5, { category: 'street_lighting' });
		await file('Dziura 40 m', 40);
		await file('Dziura 70 m', 70);
		const closed = await file('Dziura zamknięta 3 m', 3);
		await database.db.execute(sql`UPDATE reports SET status = 'resolved', resolved_at = now() WHERE id = ${closed.id}`);
		const hidden = await file('Ukryta 2 m', 2);
		await database.db.execute(sql`UPDATE reports SET hidden = true WHERE id = ${hidden.id}`);

		const near = await openReportsNear(database, RYNEK, { category: 'pothole' });
		expect(near.map((r) => r.title)).toEqual(['Dziura 10 m', 'Dziura 40 m', 'Latarnia 5 m']);
		expect(near.map((r) => r.metres)).toEqual([10, 40, 5]);
		expect((await openReportsNear(database, RYNEK)).map((r) => r.title)).toEqual(['Latarnia 5 m', 'Dziura 10 m', 'Dziura 40 m']);
		// JSON answers carry ISO 8601 with a zone, the same from both drivers.
		expect(near[0].createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
	});
});

describe('a public report', () => {
	it('has everything public and nothing private, and a hidden one is not found', async () => {
		const created = await file('Zgłoszenie z kontaktem', 0, { email: 'tajny@example.com', phone: '+48 600 100 200' });
		const report = await findReport(database, { ref: created.publicRef });
		expect(report).toMatchObject({ id: created.id, title: 'Zgłoszenie z kontaktem', districtName: 'Stare Miasto', status: 'new', votes: 0 });
		expect(JSON.stringify(report)).not.toMatch(/tajny|600 100 200/);
		expect(report!.createdAt).toBe(new Date(report!.createdAt).toISOString());
		expect(await findReport(database, { id: created.id })).toEqual(report);

		await database.db.execute(sql`UPDATE reports SET hidden = true WHERE id = ${created.id}`);
		expect(await findReport(database, { ref: created.publicRef })).toBeNull();
		expect(await findReport(database, { id: 999_999 })).toBeNull();
	});
});

describe('the list of reports', () => {
	it('sorts by newest, by votes and by distance, and keeps to the map view', async () => {
		const far = await file('Daleko', 400);
		const middle = await file('Średnio', 100);
		const close = await file('Blisko', 10);
		await database.db.execute(sql`UPDATE reports SET created_at = now() - make_interval(hours => id::int), vote_count = CASE id
			WHEN ${far.id} THEN 5 WHEN ${middle.id} THEN 1 ELSE 3 END`);
		const titles = async (query: Partial<Parameters<typeof listReports>[1]>) =>
			(await listReports(database, { filters: NO_FILTERS, sort: 'newest', page: 1, ...query })).reports.map((r) => r.title);

		expect(await titles({})).toEqual(['Daleko', 'Średnio', 'Blisko']);
		expect(await titles({ sort: 'votes' })).toEqual(['Daleko', 'Blisko', 'Średnio']);
		expect(await titles({ sort: 'nearest', from: RYNEK })).toEqual(['Blisko', 'Średnio', 'Daleko']);
		// Measured in metres: 120 m east is nearer than 150 m north, though more degrees away.
		await file('Na północ', 0, { lat: RYNEK.lat + 150 / 111_320 });
		await file('Na wschód', 120);
		expect((await titles({ sort: 'nearest', from: RYNEK })).slice(0, 4)).toEqual(['Blisko', 'Średnio', 'Na wschód', 'Na północ']);
		const box = [RYNEK.lng - 0.002, RYNEK.lat - 0.001, RYNEK.lng + 0.002, RYNEK.lat + 0.001] as [number, number, number, number];
		expect(await titles({ bbox: box })).toEqual(['Na wschód', 'Średnio', 'Blisko']);
		expect(await titles({ filters: { ...NO_FILTERS, type: 'idea' } })).toEqual([]);
	});

	it('pages without counting the whole table', async () => {
		for (let i = 0; i < PAGE_SIZE + 3; i++) await file(`Zgłoszenie ${i}`, i);
		const first = await listReports(database, { filters: NO_FILTERS, sort: 'newest', page: 1 });
		const second = await listReports(database, { filters: NO_FILTERS, sort: 'newest', page: 2 });
		expect([first.reports.length, first.hasMore, second.reports.length, second.hasMore]).toEqual([PAGE_SIZE, true, 3, false]);
		expect(new Set([...first.reports, ...second.reports].map((r) => r.id)).size).toBe(PAGE_SIZE + 3);
	});
});

import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { parse } from 'csv-parse/sync';
import { STRICT_CSV } from '../../support/csv.ts';
import type { Database } from '../../../src/lib/server/db/connect.ts';
import { createReport } from '../../../src/lib/server/reports/create.ts';
import { newReportSchema } from '../../../src/lib/domain/report-input.ts';
import { parseExportFilters } from '../../../src/lib/domain/export-filters.ts';
import { EXPORT_COLUMNS, exportQuery, exportReports } from '../../../src/lib/server/export/reports.ts';
import { byteStream, csvOf, geoJsonOf, reportsCsv } from '../../../src/lib/server/export/formats.ts';
import { clearReports, testDatabase } from '../../support/database.ts';

let database: Database;
const CONTACT = { email: 'tajny.mieszkaniec@example.org', phone: '+48 600 700 800' };

const filters = (query = '') => {
	const parsed = parseExportFilters(new URLSearchParams(query));
	if (!parsed.ok) throw new Error(parsed.key);
	return parsed.filters;
};
async function text(pieces: AsyncGenerator<string | Uint8Array>): Promise<string> {
	const decoder = new TextDecoder();
	let all = '';
	for await (const piece of pieces) all += typeof piece === 'string' ? piece : decoder.decode(piece, { stream: true });
	return all + decoder.decode();
}

beforeAll(async () => {
	database = await testDatabase();
	await clearReports(database);
	const file = (title: string, extra: Record<string, unknown> = {}) =>
		createReport(database, newReportSchema.parse({ type: 'problem', category: 'pothole', title, lng: 19.9372, lat: 50.0614, ...CONTACT, ...extra }));
	await file('Dziura, "głęboka"\nna dwie linie', { description: 'Opis z przecinkiem, cudzysłowem " i średnikiem;' });
	await file('Pomysł w Krowodrzy', { type: 'idea', category: 'green_patch', lng: 19.92601, lat: 50.07305 });
	const hidden = await file('Ukryte');
	await database.db.execute(sql`UPDATE reports SET hidden = true WHERE id = ${hidden.id}`);
	// Several batches of 1,000 (below), so the keyset paging and the read ahead are crossed.
	await database.db.execute(sql`INSERT INTO reports (type, category_id, title, location, district_id, channel)
		SELECT 'problem', (SELECT id FROM categories WHERE code = 'pothole'), 'Seria ' || n, ST_SetSRID(ST_MakePoint(19.94, 50.06), 4326), 1, 'phone'
		FROM generate_series(1, 2100) n`);
});

describe('downloads', () => {
	it('CSV: parses strictly, one record per visible report, the same columns as the dictionary', async () => {
		const csv = await text(csvOf(exportReports(database, filters(), 1000)));
		const records: Record<string, string>[] = parse(csv, STRICT_CSV);
		expect(Object.keys(records[0])).toEqual(EXPORT_COLUMNS.map((c) => c.name));
		expect(records).toHaveLength(2102);
		expect(new Set(records.map((r) => r.id)).size).toBe(2102);
		const tricky = records.find((r) => r.title.startsWith('Dziura'))!;
		expect(tricky.title).toBe('Dziura, "głęboka"\nna dwie linie');
		expect(tricky).toMatchObject({ type: 'problem', category: 'pothole', status: 'new', status_group: 'open', district: '1', generated: 'false' });
		expect(tricky.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
		expect(records.some((r) => r.title === 'Ukryte')).toBe(false);
	});

	it.skipIf(!process.env.TEST_DATABASE_URL)('CSV: PostgreSQL’s COPY writes it byte for byte as the batches do, filters and all', async () => {
		for (const query of ['', 'type=idea', 'bbox=19.92,50.07,19.93,50.08&status=open']) {
			expect(database.copyCsv, 'a PostgreSQL database copies').toBeDefined();
			expect(await text(database.copyCsv!(exportQuery(filters(query)))), query).toBe(await text(csvOf(exportReports(database, filters(query), 1000))));
		}
		expect(await text(reportsCsv(database, filters('type=idea')))).toContain('Pomysł w Krowodrzy');
	});

	it.skipIf(!process.env.TEST_DATABASE_URL)('CSV by COPY: a client that leaves cancels the COPY and the connection serves again', async () => {
		const copying = database.copyCsv!(exportQuery(filters()));
		await copying.next();
		await copying.return(undefined);
		expect(await database.rows<{ one: number }>(sql`SELECT 1 AS one`)).toEqual([{ one: 1 }]);
		const [{ copies }] = await database.rows<{ copies: number }>(sql`SELECT count(*)::int AS copies FROM pg_stat_activity WHERE query LIKE 'COPY (%' AND state = 'active'`);
		expect(copies).toBe(0);
	});

	it('GeoJSON: a FeatureCollection of points, longitude first, no crs, the same reports and properties', async () => {
		const collection = JSON.parse(await text(geoJsonOf(exportReports(database, filters('type=idea')))));
		expect(collection).not.toHaveProperty('crs');
		expect(collection.type).toBe('FeatureCollection');
		expect(collection.features).toHaveLength(1);
		const [feature] = collection.features;
		expect(feature).toMatchObject({ type: 'Feature', geometry: { type: 'Point', coordinates: [19.92601, 50.07305] } });
		expect(feature.id).toBe(feature.properties.id);
		expect(Object.keys(feature.properties)).toEqual(expect.arrayContaining(EXPORT_COLUMNS.map((c) => c.name)));
		expect(feature.properties).toMatchObject({ district: 5, district_name: 'Krowodrza', category: 'green_patch' });
	});

	it('filter like the map, by dates in Kraków and by a box', async () => {
		const count = async (query: string) => {
			let n = 0;
			for await (const batch of exportReports(database, filters(query))) n += batch.length;
			return n;
		};
		expect(await count('district=5')).toBe(1);
		expect(await count('status=resolved')).toBe(0);
		expect(await count('bbox=19.92,50.07,19.93,50.08')).toBe(1);
		expect(await count('from=2000-01-01&to=2000-12-31')).toBe(0);
		const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw' }).format(new Date());
		expect(await count(`from=${today}&to=${today}`)).toBe(2102);
	});

	it('read only as fast as the client takes, and stop reading when it goes away', async () => {
		const batches = exportReports(database, filters(), 100);
		const reader = byteStream(csvOf(batches)).getReader();
		const decoder = new TextDecoder();
		expect(decoder.decode((await reader.read()).value)).toMatch(/^id,type,/);
		expect(parse(decoder.decode((await reader.read()).value))).toHaveLength(100); // one batch, then a pause
		await reader.cancel();
		expect(await batches.next()).toEqual({ done: true, value: undefined });
	});

	it('never carry a reporter’s contact details', async () => {
		const everything = (await text(csvOf(exportReports(database, filters())))) + (await text(geoJsonOf(exportReports(database, filters()))));
		for (const secret of [CONTACT.email, CONTACT.phone, 'tajny.mieszkaniec']) expect(everything).not.toContain(secret);
	});

	it.each([
		['from=2026-02-30', 'from'],
		['to=31.03.2026', 'to'],
		['from=2026-03-02&to=2026-03-01', 'to'],
		['bbox=200,0,210,10', 'bbox'],
		['bbox=19.9,50.1,19.8,50.0', 'bbox'],
		['bbox=abc', 'bbox']
	])('refuse %s with a reason', (query, field) => {
		expect(parseExportFilters(new URLSearchParams(query))).toMatchObject({ ok: false, field });
	});
});

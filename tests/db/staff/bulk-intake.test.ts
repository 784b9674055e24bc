import { readFileSync } from 'node:fs';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '../../../src/lib/server/db/connect.ts';
import type { StaffUser } from '../../../src/lib/server/staff/accounts.ts';
import { BULK_MAX_ROWS, decodeCsv, intakeBatch, parseBulkCsv, previewBulk, saveBulk } from '../../../src/lib/server/staff/bulk-intake.ts';
import { listAudit } from '../../../src/lib/server/staff/audit.ts';
import { findReport } from '../../../src/lib/server/reports/read.ts';
import { mapVersion } from '../../../src/lib/server/map/version.ts';
import { clearReports, rowCounts, testDatabase } from '../../support/database.ts';
import { clearStaff, staffMember } from '../../support/staff.ts';

let database: Database;
let operator: StaffUser;

const HEADER = 'lat,lng,category,title,description,address';
/** Three rows of an estate in Nowa Huta, all valid. */
const GOOD = [
	'50.0717,20.0376,pavement,Zapadnięte płyty chodnika,"Przy bloku 3, od strony parkingu",os. Centrum A 3',
	'50.0726,20.0391,street_lighting,Nie świeci latarnia,"Od dwóch tygodni.\nPlac zabaw jest ciemny.",',
	'50.0709,20.0402,street_furniture,Ławka przy alejce,"Prośba o ławkę ""w cieniu""",os. Centrum A'
];
const csv = (...lines: string[]) => [HEADER, ...lines].join('\n') + '\n';
const by = () => ({ accountId: operator.id, address: '127.0.0.1' });
const upload = (text: string) => ({ text, fileName: 'osiedle-centrum-a.csv' });
const problemsByLine = async (text: string) =>
	Object.fromEntries((await previewBulk(database, text)).filter((r) => r.problems.length).map((r) => [r.line, r.problems]));

beforeAll(async () => {
	database = await testDatabase();
	await clearReports(database);
	await clearStaff(database);
	operator = await staffMember(database, 'operator@kck.example', 'operator');
});
beforeEach(() => clearReports(database));

describe('reading a CSV', () => {
	it('follows RFC 4180: quoted commas, quotes and line breaks, each row with the line it starts on', () => {
		const rows = parseBulkCsv(csv(...GOOD));
		expect(rows.map((r) => r.line)).toEqual([2, 3, 5]);
		expect(rows[0]).toEqual({
			line: 2,
			lat: '50.0717',
			lng: '20.0376',
			category: 'pavement',
			title: 'Zapadnięte płyty chodnika',
			description: 'Przy bloku 3, od strony parkingu',
			address: 'os. Centrum A 3'
		});
		expect(rows[1].description).toBe('Od dwóch tygodni.\nPlac zabaw jest ciemny.');
		expect(rows[2].description).toBe('Prośba o ławkę "w cieniu"');
	});

	it('reads UTF-8 with or without a BOM, CRLF or LF, latitude/longitude for lat/lng, columns in any order, address left out', () => {
		const bytes = new TextEncoder().encode(`\uFEFF${HEADER}\r\n${GOOD[0]}\r\n`);
		expect(bytes.slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
		expect(parseBulkCsv(decodeCsv(bytes))).toEqual(parseBulkCsv(csv(GOOD[0])));
		expect(parseBulkCsv(`\uFEFF${HEADER}\n${GOOD[0]}`)).toEqual(parseBulkCsv(csv(GOOD[0])));
		expect(parseBulkCsv('Title,Category,Longitude,Latitude,Description\nLatarnia,street_lighting,20.0391,50.0726,\n')).toEqual([
			{ line: 2, lat: '50.0726', lng: '20.0391', category: 'street_lighting', title: 'Latarnia', description: '', address: '' }
		]);
	});

	it.each([
		['a missing column', 'lat,lng,category,description\n50,20,pavement,x\n', 'errors.bulk_columns_missing', { columns: 'title' }],
		['an unknown column', `${HEADER},email\n50,20,pavement,T,D,A,a@b.pl\n`, 'errors.bulk_column_unknown', { column: 'email' }],
		['a column twice', 'lat,latitude,lng,category,title,description\n', 'errors.bulk_column_twice', { column: 'latitude' }],
		['semicolons', 'lat;lng;category;title;description\n50;20;pavement;T;D\n', 'errors.bulk_semicolons', { column: 'lat;lng;category;title;description' }],
		['a row longer than the header', csv(GOOD[0], '50,20,pavement,T,D,A,extra'), 'errors.bulk_field_count', { line: 3 }],
		['a stray quote', csv(GOOD[0], GOOD[0], '50,20,pavement,Tytuł "z" cudzysłowem,D,A'), 'errors.bulk_csv', { line: 4 }],
		['a quote never closed', csv(GOOD[0], '50,20,pavement,"Tytuł,D,A'), 'errors.bulk_csv', { line: 3 }],
		['no rows', `${HEADER}\n`, 'errors.bulk_empty', {}],
		['too many rows', csv(...Array(BULK_MAX_ROWS + 1).fill(GOOD[0])), 'errors.bulk_too_many', { max: BULK_MAX_ROWS }],
		['more than 1 MB', csv(`50,20,pavement,T,${'x'.repeat(1_000_000)},`), 'errors.bulk_too_large', { max: 1 }]
	])('refuses %s with a clear error', (_, text, key, params) => {
		expect(() => parseBulkCsv(text)).toThrow(expect.objectContaining({ key, params }));
	});

	it('refuses a file that is not UTF-8 (a spreadsheet’s Windows-1250) rather than garble it', () => {
		const windows1250 = new Uint8Array([...new TextEncoder().encode(`${HEADER}\n50,20,pavement,`), 0xa3, 0xb9, 0x6b, 0x61, ...new TextEncoder().encode(',,\n')]);
		expect(() => decodeCsv(windows1250)).toThrow(expect.objectContaining({ key: 'errors.bulk_encoding' }));
	});
});

describe('the preview', () => {
	it('names every problem of every row by its line, with the form’s rules', async () => {
		const text = csv(
			GOOD[0],
			'50.0614,21.5,pavement,Poza Krakowem,,', // line 3: Tarnów's way
			'50.0614,19.9372,no_such_thing,Nieznana kategoria,,', // 4
			'50.0614,19.9372,pavement,,,', // 5: empty title
			`50.0614,19.9372,pavement,${'T'.repeat(121)},${'D'.repeat(5001)},${'A'.repeat(201)}`, // 6: all too long
			'"50,0614",19.9372,pavement,Przecinek dziesiętny,,', // 7
			',,pavement,Bez współrzędnych,,', // 8: empty cells are not 0,0
			'95,19.9372,,Zła szerokość i brak kategorii,,' // 9
		);
		expect(await problemsByLine(text)).toEqual({
			3: ['errors.outside_city'],
			4: ['errors.bulk_category'],
			5: ['errors.title_required'],
			6: ['errors.title_long', 'errors.description_long', 'errors.address_long'],
			7: ['errors.bulk_coordinates'],
			8: ['errors.bulk_coordinates'],
			9: ['errors.category', 'errors.bulk_coordinates']
		});
		expect(await rowCounts(database)).toMatchObject({ reports: 0, status_changes: 0 });
	});

	it('finds nothing wrong with the example file offered for download', async () => {
		const example = readFileSync('static/examples/zgloszenia-przyklad.csv');
		const rows = await previewBulk(database, decodeCsv(example));
		expect(rows.map((r) => [r.line, r.problems])).toEqual([
			[2, []],
			[3, []],
			[5, []]
		]);
	});
});

describe('saving a batch', () => {
	it('saves nothing when one row is bad, and names that row', async () => {
		const before = await rowCounts(database);
		const outcome = await saveBulk(database, upload(csv(GOOD[0], GOOD[1], '50.0614,21.5,pavement,Poza Krakowem,,')), by());
		expect(outcome).toMatchObject({ refused: [{ line: 2, problems: [] }, { line: 3, problems: [] }, { line: 5, problems: ['errors.outside_city'] }] });
		expect(await rowCounts(database)).toEqual(before);
		const [{ batches }] = await database.rows<{ batches: number }>(sql`SELECT count(*)::int AS batches FROM intake_batches`);
		expect(batches).toBe(0);
		expect(await listAudit(database, { action: 'bulk_intake' })).toEqual([]);
	});

	it('leaves nothing behind when the database refuses a row midway', async () => {
		const before = await rowCounts(database);
		// A trigger stands in for whatever fails after some rows were written (the fourth row here).
		await database.db.execute(sql`CREATE FUNCTION refuse_third() RETURNS trigger LANGUAGE plpgsql AS $$
			BEGIN IF (SELECT count(*) FROM reports) >= 3 THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$`);
		await database.db.execute(sql`CREATE TRIGGER refuse_third BEFORE INSERT ON reports FOR EACH ROW EXECUTE FUNCTION refuse_third()`);
		try {
			await expect(saveBulk(database, upload(csv(...GOOD, GOOD[0])), by())).rejects.toThrow();
		} finally {
			await database.db.execute(sql`DROP TRIGGER refuse_third ON reports`);
			await database.db.execute(sql`DROP FUNCTION refuse_third()`);
		}
		expect(await rowCounts(database)).toEqual(before);
		const [{ batches }] = await database.rows<{ batches: number }>(sql`SELECT count(*)::int AS batches FROM intake_batches`);
		expect(batches).toBe(0);
	});

	it('saves every row in one batch, recording who entered it, from which file, in person; audited; the map moves', async () => {
		const version = await mapVersion(database);
		const outcome = await saveBulk(database, upload(csv(...GOOD)), by());
		if (!('batchId' in outcome)) throw new Error('refused');

		const batch = (await intakeBatch(database, outcome.batchId))!;
		expect(batch).toMatchObject({ fileName: 'osiedle-centrum-a.csv', rows: 3, account: 'operator' });
		expect(batch.reports.map((r) => r.title)).toEqual(['Zapadnięte płyty chodnika', 'Nie świeci latarnia', 'Ławka przy alejce']);

		const saved = await database.rows<Record<string, unknown>>(
			sql`SELECT r.type, r.channel, r.entered_by_id AS "enteredBy", r.intake_batch_id AS "batch", r.address, d.id AS district, s.actor, s.account_id AS "statusBy"
				FROM reports r JOIN districts d ON d.id = r.district_id JOIN status_changes s ON s.report_id = r.id ORDER BY r.id`
		);
		expect(saved).toEqual([
			{ type: 'problem', channel: 'in_person', enteredBy: operator.id, batch: outcome.batchId, address: 'os. Centrum A 3', district: 18, actor: 'kck', statusBy: operator.id },
			{ type: 'problem', channel: 'in_person', enteredBy: operator.id, batch: outcome.batchId, address: null, district: 18, actor: 'kck', statusBy: operator.id },
			{ type: 'idea', channel: 'in_person', enteredBy: operator.id, batch: outcome.batchId, address: 'os. Centrum A', district: 18, actor: 'kck', statusBy: operator.id }
		]);
		const report = (await findReport(database, { ref: batch.reports[1].ref }))!;
		expect(report.description).toBe('Od dwóch tygodni.\nPlac zabaw jest ciemny.');

		const [entry] = await listAudit(database, { action: 'bulk_intake' });
		expect(entry.account).toBe('operator@kck.example');
		expect(JSON.parse(entry.details!)).toEqual({ batch: outcome.batchId, rows: 3, file: 'osiedle-centrum-a.csv' });
		expect(await mapVersion(database)).toBeGreaterThan(version);
	});

	it('saves what the preview showed when the text comes back with the browser’s CRLF line breaks', async () => {
		const text = csv(...GOOD);
		const outcome = await saveBulk(database, upload(text.replace(/\n/g, '\r\n')), by());
		if (!('batchId' in outcome)) throw new Error('refused');
		const [, second] = (await intakeBatch(database, outcome.batchId))!.reports;
		expect((await findReport(database, { ref: second.ref }))!.description).toBe(parseBulkCsv(text)[1].description);
	});
});

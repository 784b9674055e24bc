import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { sql } from 'drizzle-orm';
import type { Database } from '../../../src/lib/server/db/connect.ts';
import { createReport } from '../../../src/lib/server/reports/create.ts';
import { newReportSchema } from '../../../src/lib/domain/report-input.ts';
import { preparePhotos, type PreparedPhoto } from '../../../src/lib/server/photos/prepare.ts';
import { photoPath, photosOfReport, removeFiles, savePhotos } from '../../../src/lib/server/photos/store.ts';
import { clearReports, testDatabase } from '../../support/database.ts';

let database: Database;
let uploadsDir: string;
let prepared: PreparedPhoto[];
const input = newReportSchema.parse({ type: 'problem', category: 'pothole', title: 'Dziura przy Rynku', lng: 19.9372, lat: 50.0614 });
const photoFiles = () => readdir(path.join(uploadsDir, 'photos')).then((names) => names.sort(), () => []);
const photoRows = async () => (await database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM photos`))[0].n;

beforeAll(async () => {
	database = await testDatabase();
	const image = (width: number, height: number) =>
		sharp({ create: { width, height, channels: 3, background: '#3a7' } })
			.jpeg()
			.toBuffer()
			.then((data) => new File([data], 'photo.jpg', { type: 'image/jpeg' }));
	prepared = await preparePhotos([await image(2000, 1000), await image(300, 400)]);
});
beforeEach(async () => {
	await clearReports(database);
	uploadsDir = await mkdtemp(path.join(tmpdir(), 'kck-uploads-'));
});
afterEach(() => rm(uploadsDir, { recursive: true, force: true }));

describe('storing photos', () => {
	it('writes both files of each photo and a row per photo, in order', async () => {
		const report = await createReport(database, input);
		const names = await savePhotos(database, report.id, prepared, uploadsDir);

		expect(names).toHaveLength(2);
		expect(await photosOfReport(database, report.id)).toEqual([
			{ fileName: names[0], width: 1600, height: 800, position: 0 },
			{ fileName: names[1], width: 300, height: 400, position: 1 }
		]);
		expect(await photoFiles()).toEqual(names.flatMap((name) => [name, name.replace('.webp', '.thumb.webp')]).sort());
		for (const [i, name] of names.entries()) {
			expect(await readFile(photoPath(uploadsDir, name, 'full'))).toEqual(prepared[i].full);
			expect(await readFile(photoPath(uploadsDir, name, 'thumb'))).toEqual(prepared[i].thumb);
		}
		const [{ bytes }] = await database.rows<{ bytes: number }>(sql`SELECT bytes FROM photos WHERE position = 0`);
		expect(bytes).toBe(prepared[0].full.length);
	});

	it('leaves no files and no rows when the insert fails (a report that does not exist)', async () => {
		// 23503: foreign key violation, on either driver.
		await expect(savePhotos(database, 999_999, prepared, uploadsDir)).rejects.toMatchObject({ cause: { code: '23503' } });
		expect(await photoFiles()).toEqual([]);
		expect(await photoRows()).toBe(0);
	});

	it('lets a caller undo the files when its own transaction rolls back after them', async () => {
		let names: string[] = [];
		const report = await createReport(database, input);
		await expect(
			database.db.transaction(async (tx) => {
				names = await savePhotos(tx, report.id, prepared, uploadsDir);
				throw new Error('something later in the same transaction failed');
			})
		).rejects.toThrow('something later');
		expect(await photoFiles()).toHaveLength(4);
		expect(await photoRows()).toBe(0);
		await removeFiles(uploadsDir, names);
		expect(await photoFiles()).toEqual([]);
	});

	it('returns an empty list for a report without photos', async () => {
		const report = await createReport(database, input);
		expect(await photosOfReport(database, report.id)).toEqual([]);
	});
});

describe('finding a photo on disk', () => {
	const name = '0b6f7a52-3c1e-4f7a-9d2b-5e8c1a0f4b3d.webp';

	it('maps a generated name to its full and thumbnail files inside the uploads folder', () => {
		expect(photoPath('/srv/uploads', name, 'full')).toBe(`/srv/uploads/photos/${name}`);
		expect(photoPath('/srv/uploads', name, 'thumb')).toBe('/srv/uploads/photos/0b6f7a52-3c1e-4f7a-9d2b-5e8c1a0f4b3d.thumb.webp');
	});

	it.each([
		'../etc/passwd',
		'../../etc/passwd',
		`../${name}`,
		`photos/${name}`,
		`${name}/../../secret`,
		name.replace('.webp', '.thumb.webp'),
		name.replace('.webp', '.png'),
		name.toUpperCase(),
		`${name}\0`,
		`${name}\n`,
		''
	])('refuses %j', (fileName) => {
		expect(() => photoPath('/srv/uploads', fileName, 'full')).toThrow(expect.objectContaining({ key: 'errors.not_found', status: 404 }));
	});
});

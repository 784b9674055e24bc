import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { asc, eq } from 'drizzle-orm';
import type { Database, Db } from '../db/connect.ts';
import { photos } from '../db/schema/photos.ts';
import { InputError } from '../errors.ts';
import type { PreparedPhoto } from './prepare.ts';

export type PhotoVariant = 'full' | 'thumb';

export interface StoredPhoto {
	fileName: string;
	width: number;
	height: number;
	position: number;
}

/** The only names savePhotos gives out: a random UUID. Anything else is refused before it reaches the disk. */
const FILE_NAME = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.webp$/;

/** Where a stored photo lives; refuses any name savePhotos could not have made, so no path can escape the folder. */
export function photoPath(uploadsDir: string, fileName: string, variant: PhotoVariant): string {
	if (!FILE_NAME.test(fileName)) throw new InputError('errors.not_found', { status: 404 });
	const name = variant === 'thumb' ? fileName.replace(/\.webp$/, '.thumb.webp') : fileName;
	return path.join(uploadsDir, 'photos', name);
}

/**
 * Writes the photos' files, then their rows, in the given order. Pass `database.db`, or the
 * transaction that files the report so both commit together. If the insert fails the files are
 * removed again; if the caller's transaction fails later, it calls removeFiles with the names returned.
 */
export async function savePhotos(
	executor: Database | Pick<Db, 'insert'>,
	reportId: number,
	prepared: PreparedPhoto[],
	uploadsDir: string
): Promise<string[]> {
	if (prepared.length === 0) return [];
	const db = 'kind' in executor ? executor.db : executor;
	const fileNames = prepared.map(() => `${randomUUID()}.webp`);
	// Only names whose files we created are cleaned up, never a file that was there before.
	const written: string[] = [];
	try {
		await mkdir(path.join(uploadsDir, 'photos'), { recursive: true });
		// One at a time, so that when a write fails none is still under way while the others are removed.
		for (const [i, photo] of prepared.entries()) {
			// 'wx': never overwrite, should two names ever collide.
			await writeFile(photoPath(uploadsDir, fileNames[i], 'full'), photo.full, { flag: 'wx' });
			written.push(fileNames[i]);
			await writeFile(photoPath(uploadsDir, fileNames[i], 'thumb'), photo.thumb, { flag: 'wx' });
		}
		await db.insert(photos).values(
			prepared.map((photo, i) => ({
				reportId,
				position: i,
				fileName: fileNames[i],
				width: photo.width,
				height: photo.height,
				bytes: photo.bytes
			}))
		);
	} catch (error) {
		await removeFiles(uploadsDir, written);
		throw error;
	}
	return fileNames;
}

/** Deletes both files of each photo; a file already gone is fine. */
export async function removeFiles(uploadsDir: string, fileNames: string[]): Promise<void> {
	await Promise.all(
		fileNames.flatMap((fileName) =>
			(['full', 'thumb'] as const).map((variant) => rm(photoPath(uploadsDir, fileName, variant), { force: true }))
		)
	);
}

/** A report's photos in the order the resident attached them. */
export async function photosOfReport(database: Database, reportId: number): Promise<StoredPhoto[]> {
	return database.db
		.select({ fileName: photos.fileName, width: photos.width, height: photos.height, position: photos.position })
		.from(photos)
		.where(eq(photos.reportId, reportId))
		.orderBy(asc(photos.position), asc(photos.id));
}

import { sql } from 'drizzle-orm';
import { rowsOf, type Database, type Transaction } from '../db/connect.ts';
import { OutcomeUnknownError, transactionKnowingOutcome } from '../db/outage.ts';
import { InputError } from '../errors.ts';
import type { NewReport } from '../../domain/report-input.ts';
import { removeFiles, savePhotos } from '../photos/store.ts';
import { mapChanged } from '../map/version.ts';
import type { PreparedPhoto } from '../photos/prepare.ts';

export interface CreatedReport {
	id: number;
	publicRef: string;
	districtId: number;
}

export interface Attachments {
	/** Photos already checked and re-encoded by preparePhotos. */
	photos: PreparedPhoto[];
	uploadsDir: string;
}

/** Where a report came from besides the resident: the application (Open311) or the staff member who typed it in, and the CSV it came in. */
export interface Provenance {
	apiKeyId?: number;
	enteredById?: number;
	intakeBatchId?: number;
}


/**
 * Writes a new report in the caller's transaction: checks the category against the type, places it
 * in its district by PostGIS (a point outside every district is outside the city), records the
 * first status and the reporter's private contact. Throws InputError naming the field.
 */
export async function insertReport(tx: Transaction, input: NewReport, provenance: Provenance = {}): Promise<CreatedReport> {
	const [category] = await rowsOf<{ id: number }>(tx, sql`SELECT id FROM categories WHERE code = ${input.category} AND type = ${input.type}`);
	if (!category) throw new InputError('errors.category', { field: 'category' });

	const point = sql`ST_SetSRID(ST_MakePoint(${input.lng}::float8, ${input.lat}::float8), 4326)`;
	const [district] = await rowsOf<{ id: number }>(tx, sql`SELECT id FROM districts WHERE ST_Intersects(boundary, ${point}) ORDER BY id LIMIT 1`);
	if (!district) throw new InputError('errors.outside_city', { field: 'location' });

	const [report] = await rowsOf<{ id: number; publicRef: string }>(
		tx,
		sql`INSERT INTO reports (type, category_id, title, description, location, district_id, address, channel, api_key_id, entered_by_id, intake_batch_id)
			VALUES (${input.type}, ${category.id}, ${input.title}, ${input.description}, ${point}, ${district.id},
				${input.address ?? null}, ${input.channel}, ${provenance.apiKeyId ?? null}, ${provenance.enteredById ?? null}, ${provenance.intakeBatchId ?? null})
			RETURNING id::int AS id, public_ref AS "publicRef"`
	);
	await tx.execute(sql`INSERT INTO status_changes (report_id, from_status, to_status, actor, account_id)
		VALUES (${report.id}, NULL, 'new', ${input.channel === 'online' ? 'resident' : 'kck'}, ${provenance.enteredById ?? null})`);
	if (input.email || input.phone) {
		await tx.execute(sql`INSERT INTO reporter_contacts (report_id, email, phone) VALUES (${report.id}, ${input.email ?? null}, ${input.phone ?? null})`);
	}
	return { ...report, districtId: district.id };
}

/**
 * Files a new report (insertReport) with its photos, all in one transaction so a refused report
 * leaves nothing behind, on disk either. A connection lost while committing throws
 * OutcomeUnknownError: the report may have been saved.
 */
export async function createReport(database: Database, input: NewReport, attachments?: Attachments, provenance?: Provenance): Promise<CreatedReport> {
	let savedPhotos: string[] = [];
	try {
		const created = await transactionKnowingOutcome(database, async (tx) => {
			const report = await insertReport(tx, input, provenance);
			if (attachments?.photos.length) savedPhotos = await savePhotos(tx, report.id, attachments.photos, attachments.uploadsDir);
			return report;
		});
		mapChanged(database);
		return created;
	} catch (e) {
		// The transaction rolled back (or perhaps committed: then its photos are kept for the saved rows).
		if (attachments && !(e instanceof OutcomeUnknownError)) await removeFiles(attachments.uploadsDir, savedPhotos);
		throw e;
	}
}

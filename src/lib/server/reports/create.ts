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
	/** True when this submission had made the report already: nothing new was written. */
	repeated?: boolean;
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
	/** The submission's key (SUBMISSION_KEY): the same key again returns the report it made. */
	submissionKey?: string;
}

/** A form's or client's key for one submission: random, 16 to 100 characters. */
export const SUBMISSION_KEY = /^[A-Za-z0-9_:.-]{16,100}$/;

/**
 * Thrown inside the transaction when the submission made a report already, so nothing more is
 * written; whoever opened the transaction answers with `report`.
 */
export class RepeatedSubmission extends Error {
	readonly report: CreatedReport;
	constructor(report: CreatedReport) {
		super('repeated submission');
		this.report = report;
	}
}


/**
 * Writes a new report in the caller's transaction: checks the category against the type, places it
 * in its district by PostGIS (a point outside every district is outside the city), records the
 * first status and the reporter's private contact. Throws InputError naming the field.
 */
export async function insertReport(tx: Transaction, input: NewReport, provenance: Provenance = {}): Promise<CreatedReport> {
	// First, so a second submission with this key waits here for the first one's outcome.
	if (provenance.submissionKey) await claimSubmission(tx, provenance.submissionKey);
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
	if (provenance.submissionKey) await tx.execute(sql`UPDATE submission_keys SET report_id = ${report.id} WHERE key = ${provenance.submissionKey}`);
	return { ...report, districtId: district.id };
}

/**
 * Takes the submission's key, or throws RepeatedSubmission with the report it made. A concurrent
 * twin blocks on the key until this transaction ends: it then finds the report (committed) or takes
 * the key itself (rolled back).
 */
async function claimSubmission(tx: Transaction, key: string): Promise<void> {
	if (!SUBMISSION_KEY.test(key)) throw new InputError('errors.submission_key', { field: 'form' });
	const claimed = await rowsOf(tx, sql`INSERT INTO submission_keys (key) VALUES (${key}) ON CONFLICT DO NOTHING RETURNING key`);
	if (claimed.length) return;
	const [made] = await rowsOf<CreatedReport>(
		tx,
		sql`SELECT r.id::int AS id, r.public_ref AS "publicRef", r.district_id AS "districtId" FROM submission_keys k JOIN reports r ON r.id = k.report_id WHERE k.key = ${key}`
	);
	if (!made) throw new InputError('errors.submission_key', { field: 'form' });
	throw new RepeatedSubmission({ ...made, repeated: true });
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
		if (e instanceof RepeatedSubmission) return e.report;
		throw e;
	}
}

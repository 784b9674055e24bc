import { CsvError, parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { rowsOf, type Database } from '../db/connect.ts';
import { isoTime } from '../db/iso-time.ts';
import { InputError } from '../errors.ts';
import { listCategories } from '../catalog/read.ts';
import { mapChanged } from '../map/version.ts';
import { insertReport } from '../reports/create.ts';
import { newReportSchema, type NewReport } from '../../domain/report-input.ts';
import { translate, type MessageKey } from '../../i18n/index.ts';
import { audit } from './audit.ts';

/** One estate's sheet fits well within these; they bound the preview page and the one transaction that saves it. */
export const BULK_MAX_ROWS = 500;
export const BULK_MAX_BYTES = 1_000_000;

const FIELDS = ['lat', 'lng', 'category', 'title', 'description', 'address'] as const;
type Field = (typeof FIELDS)[number];
const OPTIONAL: readonly Field[] = ['address'];
/** Header names, compared in lower case, and the field each fills. */
const COLUMNS = new Map<string, Field>([...FIELDS.map((f) => [f, f] as const), ['latitude', 'lat'], ['longitude', 'lng']]);

/** A row of the sheet as written, with the line of the file it starts on. */
export interface BulkRow extends Record<Field, string> {
	line: number;
}

/** A row and what is wrong with it, as i18n keys (none: it can be saved). */
export interface CheckedRow extends BulkRow {
	problems: MessageKey[];
}

/** The file as a whole cannot be read as rows; params fill the message (a line, a column). */
export class BulkFileError extends InputError {
	readonly params: Record<string, string | number>;

	constructor(key: MessageKey, params: Record<string, string | number> = {}) {
		super(key, { field: 'file' });
		this.message = translate('en', key, params);
		this.params = params;
	}
}

const tooLarge = () => new BulkFileError('errors.bulk_too_large', { max: BULK_MAX_BYTES / 1_000_000 });

/** An upload's bytes as text: UTF-8 only (a BOM is dropped); a sheet saved in another encoding is refused rather than guessed at. */
export function decodeCsv(bytes: Uint8Array): string {
	if (bytes.byteLength > BULK_MAX_BYTES) throw tooLarge();
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		throw new BulkFileError('errors.bulk_encoding');
	}
}

/**
 * The rows of a CSV as RFC 4180 has it (quotes only around whole fields, every record as long as
 * the header), its header naming the columns. Throws BulkFileError saying what is wrong and where.
 */
export function parseBulkCsv(text: string): BulkRow[] {
	if (Buffer.byteLength(text) > BULK_MAX_BYTES) throw tooLarge();
	// The preview sends the text back through a form field, whose line breaks the browser turns into CRLF: both steps must read the same text.
	const lf = text.replace(/\r\n?/g, '\n');
	// Where each record ends; one with line breaks in quotes started that many lines earlier.
	const lastLines: number[] = [];
	let records: string[][];
	try {
		records = parse(lf, {
			bom: true,
			record_delimiter: '\n',
			relax_quotes: false,
			relax_column_count: false,
			skip_empty_lines: true,
			on_record: (fields, context) => {
				lastLines.push(context.lines);
				return fields;
			}
		});
	} catch (e) {
		if (!(e instanceof CsvError)) throw e;
		throw new BulkFileError(e.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH' ? 'errors.bulk_field_count' : 'errors.bulk_csv', { line: Number(e.lines) });
	}
	const [header = [], ...body] = records;
	const fields = headerFields(header);
	if (!body.length) throw new BulkFileError('errors.bulk_empty');
	if (body.length > BULK_MAX_ROWS) throw new BulkFileError('errors.bulk_too_many', { max: BULK_MAX_ROWS });
	return body.map((values, i) => {
		const row: BulkRow = { line: lastLines[i + 1] - values.join('').split('\n').length + 1, lat: '', lng: '', category: '', title: '', description: '', address: '' };
		fields.forEach((field, j) => (row[field] = values[j]));
		return row;
	});
}

/** The field of each column, refusing unknown, repeated and missing ones by name. */
function headerFields(names: string[]): Field[] {
	const fields = names.map((name) => {
		const field = COLUMNS.get(name.trim().toLowerCase());
		// Spreadsheets in Polish save "CSV" with semicolons: the whole header is then one unknown column.
		if (!field) throw new BulkFileError(name.includes(';') ? 'errors.bulk_semicolons' : 'errors.bulk_column_unknown', { column: name });
		return field;
	});
	const repeated = names.find((_, i) => fields.indexOf(fields[i]) !== i);
	if (repeated !== undefined) throw new BulkFileError('errors.bulk_column_twice', { column: repeated });
	const missing = FIELDS.filter((f) => !OPTIONAL.includes(f) && !fields.includes(f));
	if (missing.length) throw new BulkFileError('errors.bulk_columns_missing', { columns: missing.join(', ') });
	return fields;
}

/** A coordinate as a sheet must write it: degrees with a decimal point (the form's coercion would read an empty cell as 0). */
const DEGREES = /^-?\d{1,3}(\.\d+)?$/;

interface Checked {
	row: CheckedRow;
	/** The report to insert, when the row passed the form's checks. */
	report: NewReport | null;
}

/**
 * Each row through the public form's checks (newReportSchema), its type taken from its category,
 * which must exist, and its point inside a district (all points in one query).
 */
async function checkRows(database: Database, rows: BulkRow[]): Promise<Checked[]> {
	const types = new Map((await listCategories(database)).map((c) => [c.code, c.type]));
	const checked = rows.map((row): Checked => {
		const type = types.get(row.category.trim());
		// An unknown category is its own problem; 'problem' lets the row's other fields be checked meanwhile.
		const parsed = newReportSchema.safeParse({ ...row, type: type ?? 'problem', channel: 'in_person' });
		const problems = new Set((parsed.success ? [] : parsed.error.issues).map((issue) => (issue.message === 'errors.location' ? 'errors.bulk_coordinates' : (issue.message as MessageKey))));
		if (!DEGREES.test(row.lat.trim()) || !DEGREES.test(row.lng.trim())) problems.add('errors.bulk_coordinates');
		if (!type && row.category.trim()) problems.add('errors.bulk_category');
		return { row: { ...row, problems: [...problems] }, report: parsed.success && !problems.size ? parsed.data : null };
	});
	const placeable = checked.filter((c) => !c.row.problems.includes('errors.bulk_coordinates'));
	const inside = await insideKrakow(database, placeable.map((c) => ({ lng: Number(c.row.lng), lat: Number(c.row.lat) })));
	placeable.forEach((c, i) => {
		if (inside.has(i)) return;
		c.row.problems.push('errors.outside_city');
		c.report = null;
	});
	return checked;
}

/** The indexes of the points that lie in a district, as insertReport will place them. */
async function insideKrakow(database: Database, points: { lng: number; lat: number }[]): Promise<Set<number>> {
	if (!points.length) return new Set();
	const values = sql.join(
		points.map((p, i) => sql`(${i}::int, ${p.lng}::float8, ${p.lat}::float8)`),
		sql`, `
	);
	const rows = await database.rows<{ i: number }>(sql`SELECT p.i FROM (VALUES ${values}) AS p(i, lng, lat)
		WHERE EXISTS (SELECT 1 FROM districts WHERE ST_Intersects(boundary, ST_SetSRID(ST_MakePoint(p.lng, p.lat), 4326)))`);
	return new Set(rows.map((r) => r.i));
}

/** Every row of the sheet with its problems, saving nothing. */
export async function previewBulk(database: Database, text: string): Promise<CheckedRow[]> {
	return (await checkRows(database, parseBulkCsv(text))).map((c) => c.row);
}

export interface BulkUpload {
	text: string;
	fileName: string;
}

/** The operator entering the sheet, and their address for the audit log. */
export interface BulkIntakeBy {
	accountId: number;
	address: string;
}

/**
 * Saves every row of a sheet or none: checked again (nothing is kept between the preview and this),
 * then one transaction writes the batch, each report (channel in_person: the sheet was handed in,
 * with who entered it and its batch) and the audit entry. A row with a problem returns every row
 * with its problems, and nothing is saved.
 */
export async function saveBulk(database: Database, upload: BulkUpload, by: BulkIntakeBy): Promise<{ batchId: number } | { refused: CheckedRow[] }> {
	const checked = await checkRows(database, parseBulkCsv(upload.text));
	const reports = checked.flatMap((c) => (c.report ? [c.report] : []));
	if (reports.length < checked.length) return { refused: checked.map((c) => c.row) };
	const batchId = await database.db.transaction(async (tx) => {
		const [batch] = await rowsOf<{ id: number }>(
			tx,
			sql`INSERT INTO intake_batches (account_id, file_name, rows) VALUES (${by.accountId}, ${upload.fileName}, ${reports.length}) RETURNING id`
		);
		for (const report of reports) await insertReport(tx, report, { enteredById: by.accountId, intakeBatchId: batch.id });
		await audit(tx, { accountId: by.accountId, action: 'bulk_intake', address: by.address, details: { batch: batch.id, rows: reports.length, file: upload.fileName } });
		return batch.id;
	});
	mapChanged(database);
	return { batchId };
}

export interface SavedBatch {
	id: number;
	fileName: string;
	rows: number;
	createdAt: string;
	account: string;
	reports: { ref: string; title: string }[];
}

/** A saved batch with its reports, in the sheet's order. */
export async function intakeBatch(database: Database, id: number): Promise<SavedBatch | null> {
	const [batch] = await database.rows<Omit<SavedBatch, 'reports'>>(
		sql`SELECT b.id, b.file_name AS "fileName", b.rows, ${isoTime(sql`b.created_at`)} AS "createdAt", s.name AS account
			FROM intake_batches b JOIN staff_accounts s ON s.id = b.account_id WHERE b.id = ${id}`
	);
	if (!batch) return null;
	// A batch's reports share its transaction's now(), so the created_at index finds them (intake_batch_id has none).
	const reports = await database.rows<{ ref: string; title: string }>(
		sql`SELECT r.public_ref AS ref, r.title FROM reports r JOIN intake_batches b ON b.id = r.intake_batch_id
			WHERE b.id = ${id} AND r.created_at = b.created_at ORDER BY r.id`
	);
	return { ...batch, reports };
}

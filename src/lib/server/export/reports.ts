import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/connect.ts';
import type { ExportFilters } from '../../domain/export-filters.ts';
import { STATUSES, statusGroup, type Status } from '../../domain/status.ts';
import { filterConditions, periodCondition, where } from '../map/filter-sql.ts';
import { isoTime } from '../db/iso-time.ts';

/** One public report as downloads carry it: never a contact, a voter or a hidden report. */
export interface ExportedReport {
	id: string;
	type: string;
	category: string;
	category_name_pl: string;
	category_name_en: string;
	status: Status;
	status_group: string;
	district: number;
	district_name: string;
	lng: number;
	lat: number;
	address: string | null;
	title: string;
	description: string | null;
	channel: string;
	votes: number;
	created_at: string;
	updated_at: string;
	resolved_at: string | null;
	duplicate_of: string | null;
	generated: boolean;
}

export type ExportColumn = keyof ExportedReport;

/** The columns, in order, with what they mean: the CSV header, the GeoJSON properties and the data page's dictionary. */
export const EXPORT_COLUMNS: { name: ExportColumn; type: string; pl: string; en: string }[] = [
	{ name: 'id', type: 'text', pl: 'Stały numer zgłoszenia, np. KCK-2026-000123 (adres strony: /reports/{id}).', en: 'The report’s stable reference, e.g. KCK-2026-000123 (its page: /reports/{id}).' },
	{ name: 'type', type: 'problem | idea', pl: 'Problem czy pomysł.', en: 'A problem or an idea.' },
	{ name: 'category', type: 'text', pl: 'Kod kategorii (jak w Open311 service_code).', en: 'The category’s code (as Open311’s service_code).' },
	{ name: 'category_name_pl', type: 'text', pl: 'Nazwa kategorii po polsku.', en: 'The category’s name in Polish.' },
	{ name: 'category_name_en', type: 'text', pl: 'Nazwa kategorii po angielsku.', en: 'The category’s name in English.' },
	{ name: 'status', type: 'new | accepted | forwarded | in_progress | resolved | rejected | not_competent | duplicate', pl: 'Stan zgłoszenia.', en: 'The report’s status.' },
	{ name: 'status_group', type: 'open | in_progress | resolved | closed', pl: 'Grupa stanów, jak na mapie.', en: 'The status group, as the map shows it.' },
	{ name: 'district', type: 'integer 1–18', pl: 'Numer dzielnicy.', en: 'The district’s number.' },
	{ name: 'district_name', type: 'text', pl: 'Nazwa dzielnicy.', en: 'The district’s name.' },
	{ name: 'lng', type: 'number (WGS 84)', pl: 'Długość geograficzna pinezki.', en: 'The pin’s longitude.' },
	{ name: 'lat', type: 'number (WGS 84)', pl: 'Szerokość geograficzna pinezki.', en: 'The pin’s latitude.' },
	{ name: 'address', type: 'text or empty', pl: 'Adres lub opis miejsca podany przez zgłaszającego.', en: 'The address or place as the reporter gave it.' },
	{ name: 'title', type: 'text', pl: 'Tytuł.', en: 'The title.' },
	{ name: 'description', type: 'text or empty', pl: 'Opis.', en: 'The description.' },
	{ name: 'channel', type: 'online | phone | email | in_person', pl: 'Którędy zgłoszenie dotarło do KCK.', en: 'How the report reached KCK.' },
	{ name: 'votes', type: 'integer', pl: 'Liczba głosów „mnie też”.', en: 'The number of "me too" votes.' },
	{ name: 'created_at', type: 'ISO 8601 (UTC)', pl: 'Kiedy zgłoszenie wpłynęło.', en: 'When the report was filed.' },
	{ name: 'updated_at', type: 'ISO 8601 (UTC)', pl: 'Ostatnia zmiana.', en: 'The last change.' },
	{ name: 'resolved_at', type: 'ISO 8601 (UTC) or empty', pl: 'Kiedy rozwiązane (tylko rozwiązane).', en: 'When resolved (resolved reports only).' },
	{ name: 'duplicate_of', type: 'text or empty', pl: 'Numer zgłoszenia, które to powtarza (tylko duplikaty).', en: 'The report this one repeats (duplicates only).' },
	{ name: 'generated', type: 'true | false', pl: 'Czy to wygenerowane dane demonstracyjne.', en: 'Whether this is generated demo data.' }
];

/** Rows fetched at a time: enough to keep the database busy, few enough that memory stays flat. */
const BATCH = 5000;

const iso = (column: string) => isoTime(sql.raw(column));

/**
 * The reference a duplicate repeats, looked up only for the few duplicates: a LEFT JOIN on reports
 * probed (memoized) for every row, about 0.1–0.2 s more of a million-row export.
 */
const duplicateOf = sql`CASE WHEN r.duplicate_of_id IS NOT NULL THEN (SELECT public_ref FROM reports WHERE id = r.duplicate_of_id) END`;

/** The status group of each status as the domain defines it (statusGroup), spelled as SQL from the app's own constants. */
const statusGroupSql = sql.raw(`CASE r.status ${STATUSES.map((s) => `WHEN '${s}' THEN '${statusGroup(s)}'`).join(' ')} END`);

function conditionsOf(filters: ExportFilters): SQL[] {
	const conditions = [periodCondition(filters.map), ...filterConditions(filters.map)];
	if (filters.from) conditions.push(sql`created_at >= (${filters.from}::date::timestamp AT TIME ZONE 'Europe/Warsaw')`);
	if (filters.to) conditions.push(sql`created_at < ((${filters.to}::date + 1)::timestamp AT TIME ZONE 'Europe/Warsaw')`);
	if (filters.bbox) {
		const [w, s, e, n] = filters.bbox;
		conditions.push(sql`location && ST_MakeEnvelope(${w}::float8, ${s}::float8, ${e}::float8, ${n}::float8, 4326)`);
	}
	return conditions;
}

/**
 * The export's columns, named and written as the files carry them (ISO dates, the status group,
 * an empty address or description as none, which COPY would otherwise write as "" apart from none),
 * over `rows` (a query of `reports` rows). For COPY, `generated` is written true/false (COPY would
 * print t/f); for batches, each row also ends with its `key` (the id the next batch starts after).
 */
function exportSelect(rows: SQL, forCopy: boolean): SQL {
	return sql`
		SELECT r.public_ref AS id, r.type, c.code AS category, c.name_pl AS category_name_pl, c.name_en AS category_name_en,
			r.status, ${statusGroupSql} AS status_group, r.district_id AS district, d.name AS district_name,
			ST_X(r.location) AS lng, ST_Y(r.location) AS lat, nullif(r.address, '') AS address, r.title,
			nullif(r.description, '') AS description, r.channel, r.vote_count AS votes,
			${iso('r.created_at')} AS created_at, ${iso('r.updated_at')} AS updated_at, ${iso('r.resolved_at')} AS resolved_at,
			${duplicateOf} AS duplicate_of, ${forCopy ? sql`CASE WHEN r.is_generated THEN 'true' ELSE 'false' END` : sql`r.is_generated`} AS generated${forCopy ? sql`` : sql`, r.id::float8 AS key`}
		FROM (${rows}) r
		JOIN categories c ON c.id = r.category_id
		JOIN districts d ON d.id = r.district_id
		ORDER BY r.id`;
}

/** The whole export as one query, in order of id: what PostgreSQL's COPY streams as CSV. */
export function exportQuery(filters: ExportFilters): SQL {
	return exportSelect(sql`SELECT * FROM reports ${where(conditionsOf(filters))}`, true);
}

/**
 * Visible reports matching the filters, in order of id, a batch at a time (keyset: each batch starts
 * after the last id of the one before), so a million rows never sit in memory and a reader that stops
 * asking stops the reading. The same SQL on PostgreSQL and PGlite.
 */
export async function* exportReports(database: Database, filters: ExportFilters, batch = BATCH): AsyncGenerator<ExportedReport[]> {
	const conditions = conditionsOf(filters);
	const read = (after: number) =>
		database.rows<ExportedReport & { key: number }>(
			exportSelect(sql`SELECT * FROM reports ${where([...conditions, sql`id > ${after}`])} ORDER BY id LIMIT ${batch}`, false)
		);
	// The next batch is asked for while this one is written out: one batch ahead, no more.
	let next = read(0);
	for (;;) {
		const rows = await next;
		if (!rows.length) return;
		next = rows.length < batch ? Promise.resolve([]) : read(rows[rows.length - 1].key);
		// A reader that stops early leaves this read unawaited; its failure is then nobody's to hear.
		next.catch(() => undefined);
		// The key comes last: deleting an object's last property keeps it a fast object in V8 (to stringify
		// and read), where copying the rest of each row ({ key, ...row }) cost about 3 µs of CPU a row.
		for (const row of rows) delete (row as Partial<typeof row>).key;
		yield rows;
	}
}

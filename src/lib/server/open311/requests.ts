import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/connect.ts';
import { isoTime } from '../db/iso-time.ts';
import { literals } from '../db/literals.ts';
import { where } from '../map/filter-sql.ts';
import { InputError } from '../errors.ts';
import { OPEN_STATUSES, open311Status, type Status } from '../../domain/status.ts';
import { isCategoryCode } from '../../domain/report-types.ts';
import type { Language } from '../../i18n/index.ts';

/** A service request as GeoReport v2 lists it. */
export interface ServiceRequest {
	service_request_id: string;
	status: 'open' | 'closed';
	status_notes: string | null;
	service_name: string;
	service_code: string;
	description: string | null;
	agency_responsible: string | null;
	service_notice: null;
	requested_datetime: string;
	updated_datetime: string;
	expected_datetime: null;
	address: string | null;
	address_id: null;
	zipcode: null;
	lat: number;
	long: number;
	media_url: string | null;
}

export interface RequestQuery {
	serviceCodes: string[];
	start: Date;
	end: Date;
	statuses: ('open' | 'closed')[];
	page: number;
	pageSize: number;
}

/** The specification's defaults: the last 90 days, at most 1,000 requests. */
export const DEFAULT_DAYS = 90;
export const MAX_PAGE_SIZE = 1000;

const dateOf = (given: string, field: string) => {
	// ISO 8601 with a time and a zone, as GeoReport v2 writes dates (2026-03-31T23:30:00+02:00). A '+'
	// left unencoded in a query string arrives as a space: read it as the '+' it was.
	const value = given.replace(/ (\d{2}:?\d{2})$/, '+$1');
	const year = new Date(value).getUTCFullYear();
	// Year 0, or a zone that moves a time out of years 1–9999, would reach PostgreSQL as a date it cannot read.
	if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(value) || !(year >= 1 && year <= 9999)) {
		throw new InputError(`${field} must be an ISO 8601 date and time with a zone, in years 1 to 9999, e.g. 2026-03-31T23:30:00+02:00`, { field });
	}
	return new Date(value);
};

/** Reads the standard filters (service_code, start_date, end_date, status) and page, page_size; a wrong one is a 400. */
export function parseRequestQuery(params: URLSearchParams, now = new Date()): RequestQuery {
	const value = (name: string) => params.get(name)?.trim() || undefined;
	const list = (name: string) => (value(name)?.split(',') ?? []).map((v) => v.trim()).filter(Boolean);
	const serviceCodes = list('service_code');
	if (!serviceCodes.every(isCategoryCode)) throw new InputError('service_code must be one or more service codes, comma-separated', { field: 'service_code' });
	const statuses = list('status');
	if (statuses.some((s) => s !== 'open' && s !== 'closed')) throw new InputError('status must be open, closed or both, comma-separated', { field: 'status' });
	const end = value('end_date') ? dateOf(value('end_date')!, 'end_date') : now;
	const start = value('start_date') ? dateOf(value('start_date')!, 'start_date') : new Date(end.getTime() - DEFAULT_DAYS * 86_400_000);
	if (start > end) throw new InputError('start_date must come before end_date', { field: 'end_date' });
	const whole = (name: string, fallback: number, max: number) => {
		const text = value(name);
		if (text === undefined) return fallback;
		const n = Number(text);
		if (!/^\d+$/.test(text) || n < 1 || n > max) throw new InputError(`${name} must be a whole number from 1 to ${max}`, { field: name });
		return n;
	};
	return { serviceCodes, start, end, statuses: statuses as ('open' | 'closed')[], page: whole('page', 1, 100_000), pageSize: whole('page_size', MAX_PAGE_SIZE, MAX_PAGE_SIZE) };
}

function select(conditions: SQL[], lang: Language, origin: string, tail: SQL): SQL {
	const name = (table: string) => sql.raw(`${table}.${lang === 'pl' ? 'name_pl' : 'name_en'}`);
	return sql`
		SELECT r.public_ref AS service_request_id, r.status,
			(SELECT note FROM status_changes s WHERE s.report_id = r.id AND s.note IS NOT NULL ORDER BY s.created_at DESC, s.id DESC LIMIT 1) AS status_notes,
			${name('c')} AS service_name, c.code AS service_code, nullif(r.description, '') AS description, ${name('dep')} AS agency_responsible,
			${isoTime(sql`r.created_at`)} AS requested_datetime, ${isoTime(sql`r.updated_at`)} AS updated_datetime,
			nullif(r.address, '') AS address, ST_Y(r.location) AS lat, ST_X(r.location) AS long,
			(SELECT ${origin} || '/photos/' || p.file_name FROM photos p WHERE p.report_id = r.id ORDER BY p.position LIMIT 1) AS media_url
		FROM reports r
		JOIN categories c ON c.id = r.category_id
		LEFT JOIN departments dep ON dep.id = r.department_id
		${where([sql`NOT r.hidden`, ...conditions])}
		${tail}`;
}

const asRequest = (row: Omit<ServiceRequest, 'status' | 'service_notice' | 'expected_datetime' | 'address_id' | 'zipcode'> & { status: Status }): ServiceRequest => ({
	...row,
	status: open311Status(row.status),
	service_notice: null,
	expected_datetime: null,
	address_id: null,
	zipcode: null
});

/** The query's filters as conditions on `reports r` joined with `categories c` (the benchmark counts matches with them too). */
export function requestConditions(query: RequestQuery): SQL[] {
	const conditions = [sql`r.created_at >= ${query.start.toISOString()}::timestamptz`, sql`r.created_at <= ${query.end.toISOString()}::timestamptz`];
	if (query.serviceCodes.length) conditions.push(sql`c.code IN (${sql.join(query.serviceCodes.map((c) => sql`${c}`), sql`, `)})`);
	if (query.statuses.length === 1) {
		conditions.push(query.statuses[0] === 'open' ? sql`r.status IN (${literals(OPEN_STATUSES)})` : sql`r.status NOT IN (${literals(OPEN_STATUSES)})`);
	}
	return conditions;
}

/** Requests filed in the range, newest first, a page at a time. */
export async function listRequests(database: Database, query: RequestQuery, lang: Language, origin: string): Promise<ServiceRequest[]> {
	const rows = await database.rows<Parameters<typeof asRequest>[0]>(
		select(requestConditions(query), lang, origin, sql`ORDER BY r.created_at DESC, r.id DESC LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`)
	);
	return rows.map(asRequest);
}

/** One request by its public reference, or undefined. */
export async function findRequest(database: Database, ref: string, lang: Language, origin: string): Promise<ServiceRequest | undefined> {
	const [row] = await database.rows<Parameters<typeof asRequest>[0]>(select([sql`r.public_ref = ${ref}`], lang, origin, sql``));
	return row && asRequest(row);
}

import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/connect.ts';
import type { MapFilters } from '../../domain/map-filters.ts';
import { PAGE_SIZE, type Bbox, type ListSort } from '../../domain/list-query.ts';
import type { Status } from '../../domain/status.ts';
import { filterConditions, periodCondition, where } from '../map/filter-sql.ts';

export interface ListedReport {
	id: number;
	publicRef: string;
	title: string;
	type: string;
	categoryPl: string;
	categoryEn: string;
	status: Status;
	districtName: string;
	votes: number;
	createdAt: Date;
	lng: number;
	lat: number;
	/** Metres from the sort point, when sorting by distance. */
	metres: number | null;
}

export interface ReportListQuery {
	filters: MapFilters;
	bbox?: Bbox;
	sort: ListSort;
	/** The point "nearest" measures from (the map's centre or the resident's location). */
	from?: { lng: number; lat: number };
	page: number;
}

/**
 * One page of visible reports matching the filters (and the map view, when given). Asks for one row
 * more than a page to know whether there is a next one, so no count over the whole table is needed.
 */
export async function listReports(database: Database, query: ReportListQuery): Promise<{ reports: ListedReport[]; hasMore: boolean }> {
	const conditions = [periodCondition(query.filters), ...filterConditions(query.filters)];
	if (query.bbox) {
		const [w, s, e, n] = query.bbox;
		conditions.push(sql`location && ST_MakeEnvelope(${w}::float8, ${s}::float8, ${e}::float8, ${n}::float8, 4326)`);
	}
	const from = query.sort === 'nearest' && query.from ? sql`ST_SetSRID(ST_MakePoint(${query.from.lng}::float8, ${query.from.lat}::float8), 4326)` : undefined;
	// The page is cut in the subquery (where the filters' bare column names are unambiguous) and kept in order outside it.
	const order = (table: string): SQL => {
		const column = (name: string) => sql.raw(`${table}.${name}`);
		// Metres, as the list shows them: planar degrees would stretch east–west distances.
		if (from) return sql`${column('location')}::geography <-> ${from}::geography`;
		return query.sort === 'votes' ? sql`${column('vote_count')} DESC, ${column('created_at')} DESC` : sql`${column('created_at')} DESC`;
	};
	const rows = await listedFrom(
		database,
		sql`SELECT * FROM reports ${where(conditions)} ORDER BY ${order('reports')} LIMIT ${PAGE_SIZE + 1} OFFSET ${(query.page - 1) * PAGE_SIZE}`,
		order('r'),
		from ? sql`round(ST_Distance(r.location::geography, ${from}::geography))::int` : undefined
	);
	return { reports: rows.slice(0, PAGE_SIZE), hasMore: rows.length > PAGE_SIZE };
}

/**
 * Reports as lists show them, from `rows` (a query of `reports` rows, already cut to a page),
 * kept in `order` (on the alias r) and, when given, with `metres` from the sort point.
 */
export function listedFrom(database: Database, rows: SQL, order: SQL, metres: SQL = sql`NULL::int`): Promise<ListedReport[]> {
	return database.rows<ListedReport>(sql`
		SELECT r.id::int AS id, r.public_ref AS "publicRef", r.title, r.type, c.name_pl AS "categoryPl", c.name_en AS "categoryEn",
			r.status, d.name AS "districtName", r.vote_count AS votes, r.created_at AS "createdAt",
			ST_X(r.location) AS lng, ST_Y(r.location) AS lat, ${metres} AS metres
		FROM (${rows}) r
		JOIN categories c ON c.id = r.category_id
		JOIN districts d ON d.id = r.district_id
		ORDER BY ${order}`);
}

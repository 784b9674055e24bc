import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../db/connect.ts';
import { pgArray } from './pg-array.ts';
import type { DemoReport } from './report.ts';

type Executor = Pick<Db, 'execute'>;

export interface CatalogIds {
	categories: ReadonlyMap<string, number>;
	departments: ReadonlyMap<string, number>;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Takes `count` report ids from the sequence, so history rows can name their report before it is inserted. */
export async function allocateReportIds(tx: Executor, count: number): Promise<number[]> {
	const rows = await rowsOf<{ id: string | number }>(
		tx,
		sql`SELECT nextval(pg_get_serial_sequence('reports', 'id'))::text AS id FROM generate_series(1, ${count}::int)`
	);
	return rows.map((r) => Number(r.id)).sort((a, b) => a - b);
}

/**
 * Inserts a batch of reports in one statement (so the report_counts trigger runs once). PostGIS
 * draws each district's points with a seeded ST_GeneratePoints: inside the district by construction,
 * and the same points for the same seed. `slot` numbers a report among its district's in the batch.
 */
export async function insertReports(tx: Executor, reports: readonly DemoReport[], ids: CatalogIds, pointSeed: number): Promise<void> {
	const slots = new Map<number, number>();
	const slot = reports.map((r) => {
		const next = (slots.get(r.districtId) ?? 0) + 1;
		slots.set(r.districtId, next);
		return next;
	});
	const column = <T extends string | number | null>(value: (r: DemoReport) => T) => pgArray(reports.map(value));
	const [{ inserted }] = await rowsOf<{ inserted: number }>(
		tx,
		sql`WITH input AS (
				SELECT * FROM unnest(
					${column((r) => r.id)}::bigint[], ${column((r) => r.districtId)}::smallint[], ${pgArray(slot)}::int[],
					${column((r) => r.type)}::text[], ${column((r) => categoryId(ids, r.category))}::int[],
					${column((r) => r.title)}::text[], ${column((r) => r.description)}::text[], ${column((r) => r.channel)}::text[],
					${column((r) => r.history.status)}::text[], ${column((r) => departmentId(ids, r.history.department))}::int[],
					${column((r) => iso(r.createdAt))}::timestamptz[], ${column((r) => iso(r.history.updatedAt))}::timestamptz[],
					${column((r) => (r.history.resolvedAt === null ? null : iso(r.history.resolvedAt)))}::timestamptz[],
					${column((r) => r.voteCount)}::int[], ${column((r) => r.duplicateOfId)}::bigint[]
				) AS t(id, district_id, slot, type, category_id, title, description, channel, status, department_id,
					created_at, updated_at, resolved_at, vote_count, duplicate_of_id)
			), points AS (
				SELECT d.id AS district_id, p.path[1] AS slot, p.geom
				FROM (SELECT district_id, max(slot) AS n FROM input GROUP BY district_id) need
				JOIN districts d ON d.id = need.district_id
				CROSS JOIN LATERAL ST_Dump(ST_GeneratePoints(d.boundary, need.n, ${pointSeed}::int + d.id)) p
			), inserted AS (
				INSERT INTO reports (id, type, category_id, title, description, location, district_id, channel, status,
					department_id, created_at, updated_at, resolved_at, vote_count, duplicate_of_id, is_generated)
				SELECT i.id, i.type, i.category_id, i.title, i.description, p.geom, i.district_id, i.channel, i.status,
					i.department_id, i.created_at, i.updated_at, i.resolved_at, i.vote_count, i.duplicate_of_id, true
				FROM input i JOIN points p USING (district_id, slot)
				ORDER BY i.id
				RETURNING 1
			)
			SELECT count(*)::int AS inserted FROM inserted`
	);
	if (inserted !== reports.length) {
		throw new Error(`Demo data: placed ${inserted} of ${reports.length} reports (a district without area?)`);
	}
}

/** Inserts the status histories of a batch in one statement. */
export async function insertHistories(tx: Executor, reports: readonly DemoReport[], ids: CatalogIds): Promise<void> {
	const rows = reports.flatMap((r) => r.history.steps.map((step) => ({ reportId: r.id, ...step })));
	const column = <T extends string | number | null>(value: (row: (typeof rows)[number]) => T) => pgArray(rows.map(value));
	await tx.execute(sql`
		INSERT INTO status_changes (report_id, from_status, to_status, note, actor, department_id, created_at)
		SELECT * FROM unnest(
			${column((s) => s.reportId)}::bigint[], ${column((s) => s.from)}::text[], ${column((s) => s.to)}::text[],
			${column((s) => s.note)}::text[], ${column((s) => s.actor)}::text[],
			${column((s) => departmentId(ids, s.department))}::int[], ${column((s) => iso(s.at))}::timestamptz[]
		)`);
}

function categoryId(ids: CatalogIds, code: string): number {
	const id = ids.categories.get(code);
	if (id === undefined) throw new Error(`Demo data: category "${code}" is not in the database; sync the catalog first`);
	return id;
}

function departmentId(ids: CatalogIds, code: string | null): number | null {
	if (code === null) return null;
	const id = ids.departments.get(code);
	if (id === undefined) throw new Error(`Demo data: department "${code}" is not in the database; sync the catalog first`);
	return id;
}

import { sql } from 'drizzle-orm';
import type { Database } from '../db/connect.ts';
import { categories, departments } from '../db/schema/index.ts';
import { createRandom, deriveSeed } from './random.ts';
import { demoTimeline } from './timeline.ts';
import { demoReportFactory, type DemoReport, type DistrictWeight } from './report.ts';
import { allocateReportIds, insertHistories, insertReports, type CatalogIds } from './insert.ts';

export interface DemoOptions {
	count: number;
	seed?: number;
	since?: Date;
	now?: Date;
	batchSize?: number;
	onProgress?: (done: number) => void;
}

export const DEMO_SINCE = new Date('2023-01-01T00:00:00+01:00');

/**
 * Adds `count` generated reports (is_generated) with their status histories, spread over Kraków's
 * districts and the period since…now. The same seed, count, since and now give the same data (for
 * the same batch size: points and duplicate links are drawn per batch). Batch by batch, one transaction each, so a million
 * reports fit in bounded memory and report_counts is kept by its statement triggers.
 */
export async function generateDemoReports(database: Database, options: DemoOptions): Promise<{ inserted: number }> {
	const { count, seed = 1, batchSize = 10_000, onProgress } = options;
	const since = (options.since ?? DEMO_SINCE).getTime();
	const now = (options.now ?? new Date()).getTime();
	if (!Number.isInteger(count) || count < 0) throw new Error(`count must be a whole number ≥ 0, got ${count}`);
	if (!Number.isInteger(seed)) throw new Error(`seed must be a whole number, got ${seed}`);
	if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`batchSize must be a whole number ≥ 1, got ${batchSize}`);
	if (!(since < now)) throw new Error('since must be before now');
	if (count === 0) return { inserted: 0 };

	const catalog = await loadCatalogIds(database);
	const timeline = demoTimeline(createRandom(deriveSeed(seed, 1)), { count, since, now });
	const makeReports = demoReportFactory(createRandom(deriveSeed(seed, 2)), { now, districts: await districtWeights(database) });
	// PostgreSQL inserts a batch's reports while the batch before writes its history and commits (two
	// connections, two cores). PGlite has a single connection, so there batches run one after another.
	const overlap = database.kind === 'postgres';

	let inserted = 0;
	let previous: { committed: Promise<void>; size: number } | undefined;
	for (let batch = 0, planned = 0; planned < count; batch++) {
		const moments = take(timeline, Math.min(batchSize, count - planned));
		const first = planned;
		planned += moments.length;
		// Ids come first (in order, so the data is the same every run) for history rows and duplicates to refer to.
		const reports = makeReports(await allocateReportIds(database.db, moments.length), moments);
		// ST_GeneratePoints treats seed 0 as "unseeded"; keep it positive and clear of int overflow when the district id is added.
		const pointSeed = 1 + (deriveSeed(seed, 3, batch) % 1_000_000_000);

		const { written, committed } = startBatch(database, reports, catalog, pointSeed, first);
		// Wait for this batch's reports (or the whole batch) and for the batch before to commit: at most two in flight.
		const [current, before] = await Promise.allSettled([overlap ? Promise.race([written, committed]) : committed, previous?.committed]);
		if (previous && before.status === 'fulfilled') {
			inserted += previous.size;
			onProgress?.(inserted);
		}
		const failure = [current, before].find((r) => r.status === 'rejected');
		if (failure) {
			await committed.catch(() => {});
			throw failure.reason;
		}
		previous = { committed, size: moments.length };
	}
	await previous!.committed;
	inserted += previous!.size;
	onProgress?.(inserted);
	return { inserted };
}

/** Starts a batch's transaction: `written` settles once its reports are in (the history follows), `committed` at the end. */
function startBatch(database: Database, reports: DemoReport[], catalog: CatalogIds, pointSeed: number, first: number) {
	let reportsWritten = () => {};
	const written = new Promise<void>((resolve) => (reportsWritten = resolve));
	const committed = database.db
		.transaction(async (tx) => {
			await insertReports(tx, reports, catalog, pointSeed);
			reportsWritten();
			await insertHistories(tx, reports, catalog);
		})
		.catch((e: unknown) => {
			throw batchFailed(e, first);
		});
	return { written, committed };
}

async function loadCatalogIds({ db }: Database): Promise<CatalogIds> {
	const [categoryRows, departmentRows] = await Promise.all([
		db.select({ code: categories.code, id: categories.id }).from(categories),
		db.select({ code: departments.code, id: departments.id }).from(departments)
	]);
	return {
		categories: new Map(categoryRows.map((c) => [c.code, c.id])),
		departments: new Map(departmentRows.map((d) => [d.code, d.id]))
	};
}

/**
 * Districts weighted by residents. A district without a population counts its area at the city's
 * average density, so one gap does not empty it or swamp the rest.
 */
async function districtWeights(database: Database): Promise<DistrictWeight[]> {
	const rows = await database.rows<{ id: number; population: number | null; area: number }>(
		sql`SELECT id::int AS id, population::float8 AS population, ST_Area(boundary::geography)::float8 AS area FROM districts ORDER BY id`
	);
	if (rows.length === 0) throw new Error('Demo data needs the district boundaries: import them first (DISTRICTS_GEOJSON)');
	const known = rows.filter((r) => r.population !== null);
	const density = known.length ? known.reduce((s, r) => s + r.population!, 0) / known.reduce((s, r) => s + r.area, 0) : 1;
	return rows.map((r) => ({ id: r.id, weight: r.population ?? r.area * density }));
}

/** A failed query's message lists every parameter (megabytes for a batch); keep the database's own error instead. */
function batchFailed(error: unknown, first: number): unknown {
	if (!(error instanceof Error && error.cause instanceof Error)) return error;
	return new Error(`Demo data: the batch after report ${first} failed: ${error.cause.message}`, { cause: error.cause });
}

function take<T>(items: Iterator<T>, count: number): T[] {
	const taken: T[] = [];
	while (taken.length < count) {
		const next = items.next();
		if (next.done) throw new Error(`Demo timeline ended after ${taken.length} of ${count} items`);
		taken.push(next.value);
	}
	return taken;
}

import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '../../../src/lib/server/db/connect.ts';
import { createReport } from '../../../src/lib/server/reports/create.ts';
import { newReportSchema } from '../../../src/lib/domain/report-input.ts';
import { NO_FILTERS, type MapFilters } from '../../../src/lib/domain/map-filters.ts';
import { reportTile } from '../../../src/lib/server/map/tiles.ts';
import { mapChanged, mapVersion } from '../../../src/lib/server/map/version.ts';
import { clearReports, testDatabase } from '../../support/database.ts';
import { decodeLayer, tileOf } from '../../support/tiles.ts';

let database: Database;
const RYNEK = { lng: 19.9372, lat: 50.0614 };
const NOWA_HUTA = { lng: 20.0378, lat: 50.0719 };

async function file(at: { lng: number; lat: number }, overrides: Record<string, unknown> = {}) {
	return createReport(database, newReportSchema.parse({ type: 'problem', category: 'pothole', title: 'Zgłoszenie na mapie', ...at, ...overrides }));
}
const filters = (f: Partial<MapFilters>) => ({ ...NO_FILTERS, ...f });
/** These tests also change reports with plain SQL; like the app's own writers, they tell the version memory. */
function currentVersion() {
	mapChanged(database);
	return mapVersion(database);
}
const tile = async (at: { lng: number; lat: number }, z: number, f: Partial<MapFilters> = {}) =>
	reportTile(database, tileOf(at.lng, at.lat, z), filters(f), await currentVersion());
const total = (features: { properties: Record<string, unknown> }[], key = 'count') =>
	features.reduce((sum, f) => sum + Number(f.properties[key]), 0);

/**
 * Every cluster over the whole of Kraków at zoom z (its bounding box spans a few tiles). A district's
 * count is drawn in each tile its label's margin reaches, so those are counted once.
 */
async function clustersOverKrakow(z: number, f: Partial<MapFilters> = {}) {
	const [min, max] = [tileOf(19.79, 50.13, z), tileOf(20.22, 49.97, z)];
	const found = new Map<string, ReturnType<typeof decodeLayer>[number]>();
	for (let x = min.x; x <= max.x; x++) {
		for (let y = min.y; y <= max.y; y++) {
			const features = decodeLayer(await reportTile(database, { z, x, y }, filters(f), await currentVersion()), 'clusters');
			features.forEach((c, i) => found.set(c.properties.district ? `d${c.properties.district}` : `${x}/${y}/${i}`, c));
		}
	}
	return [...found.values()];
}

beforeAll(async () => {
	database = await testDatabase();
});
beforeEach(async () => {
	await clearReports(database);
	await file(RYNEK);
	await file({ lng: RYNEK.lng + 0.0003, lat: RYNEK.lat }, { type: 'idea', category: 'green_patch' });
	const closed = await file({ lng: RYNEK.lng, lat: RYNEK.lat + 0.0003 });
	await database.db.execute(sql`UPDATE reports SET status = 'resolved', resolved_at = now() WHERE id = ${closed.id}`);
	await file(NOWA_HUTA);
});

describe('report tiles', () => {
	it('draws pins from zoom 15 with type and status, only in their own tile', async () => {
		const pins = decodeLayer(await tile(RYNEK, 16), 'reports');
		expect(pins.map((p) => JSON.stringify(p.properties)).sort()).toEqual(
			[
				{ type: 'problem', status: 'new' },
				{ type: 'idea', status: 'new' },
				{ type: 'problem', status: 'resolved' }
			].map((p) => JSON.stringify(p)).sort()
		);
		for (const p of pins) {
			expect(p.x).toBeGreaterThanOrEqual(0);
			expect(p.x).toBeLessThanOrEqual(4096);
		}
		expect(decodeLayer(await tile(NOWA_HUTA, 16), 'reports')).toHaveLength(1);
	});

	it('counts clusters from the cell table at zooms 13–14', async () => {
		const clusters = decodeLayer(await tile(RYNEK, 14), 'clusters');
		expect([total(clusters), total(clusters, 'open')]).toEqual([3, 2]);
		expect(Object.keys(clusters[0].properties).sort()).toEqual(['count', 'open']);
		expect(total(decodeLayer(await tile(RYNEK, 13, { type: 'idea' }), 'clusters'))).toBe(1);
		expect(total(decodeLayer(await tile(RYNEK, 13, { onlyOpen: true }), 'clusters'), 'open')).toBe(2);
		expect(total(decodeLayer(await tile(RYNEK, 13, { onlyOpen: true }), 'clusters'))).toBe(2);
	});

	it('counts per district up to zoom 12, with the district named', async () => {
		const districts = await clustersOverKrakow(10);
		const byName = Object.fromEntries(districts.map((d) => [d.properties.name, d.properties]));
		expect(Object.keys(byName).sort()).toEqual(['Nowa Huta', 'Stare Miasto']);
		expect(byName['Stare Miasto']).toEqual({ count: 3, open: 2, district: 1, name: 'Stare Miasto' });
		expect(byName['Nowa Huta']).toMatchObject({ count: 1, district: 18 });
		const filtered = await clustersOverKrakow(12, { categories: ['green_patch'] });
		expect(filtered.map((d) => d.properties.count)).toEqual([1]);
	});

	it('reuses district counts only while the map version stands', async () => {
		const count = async () => (await clustersOverKrakow(10)).find((d) => d.properties.district === 18)?.properties.count;
		expect(await count()).toBe(1);
		await file({ lng: NOWA_HUTA.lng + 0.001, lat: NOWA_HUTA.lat });
		expect(await count()).toBe(2);
	});

	it('answers the same from raw rows when a period is chosen', async () => {
		await database.db.execute(sql`UPDATE reports SET created_at = now() - interval '60 days' WHERE type = 'idea'`);
		for (const z of [10, 14]) {
			expect(total(await clustersOverKrakow(z, { period: '30d', district: 1 }))).toBe(2);
			expect(total(await clustersOverKrakow(z, { district: 1 }))).toBe(3);
		}
		expect(decodeLayer(await tile(RYNEK, 16, { period: '30d' }), 'reports')).toHaveLength(2);
	});

	it('leaves hidden reports out and moves the map version only when the map changes', async () => {
		const before = await currentVersion();
		await database.db.execute(sql`UPDATE reports SET vote_count = vote_count + 1`);
		expect(await currentVersion()).toBe(before);
		await database.db.execute(sql`UPDATE reports SET hidden = true WHERE type = 'idea'`);
		expect(await currentVersion()).toBeGreaterThan(before);
		expect(decodeLayer(await tile(RYNEK, 16), 'reports')).toHaveLength(2);
		expect(total(decodeLayer(await tile(RYNEK, 14), 'clusters'))).toBe(2);
	});

	it('keeps report_cells equal to a count over reports', async () => {
		await database.db.execute(sql`UPDATE reports SET location = ST_SetSRID(ST_MakePoint(19.95, 50.07), 4326) WHERE type = 'idea'`);
		await database.db.execute(sql`DELETE FROM reports WHERE district_id = 18`);
		const cells = await database.rows(sql`SELECT x, y, district_id, category_id, status, reports FROM report_cells WHERE reports <> 0 ORDER BY 1, 2, 3, 4, 5`);
		const truth = await database.rows(sql`SELECT report_cell_x(ST_X(ST_Transform(location, 3857))) AS x, report_cell_y(ST_Y(ST_Transform(location, 3857))) AS y,
			district_id, category_id, status, count(*)::int AS reports FROM reports WHERE NOT hidden GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`);
		expect(cells).toEqual(truth);
		expect(cells.length).toBeGreaterThan(0);
	});
});

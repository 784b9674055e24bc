import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '../../../src/lib/server/db/connect.ts';
import { importDistricts, readGeoJson } from '../../../src/lib/server/districts/import.ts';
import { DISTRICTS_FILE, rowCounts, testDatabase } from '../../support/database.ts';

let database: Database;
const snapshot = () =>
	database.rows(sql`SELECT id, name, population, md5(ST_AsEWKB(boundary)::text) AS shape FROM districts
		UNION ALL SELECT 0, 'city', NULL, md5(ST_AsEWKB(boundary)::text) FROM city_boundary ORDER BY 1`);

beforeAll(async () => {
	database = await testDatabase();
});

describe('district import', () => {
	it('holds Kraków’s 18 districts and a city outline covering them', async () => {
		const [city] = await database.rows<{ districts: number; km2: number; covers: boolean }>(sql`
			SELECT (SELECT count(*)::int FROM districts) AS districts,
				ST_Area(c.boundary::geography) / 1e6 AS km2,
				(SELECT bool_and(ST_Covers(ST_Buffer(c.boundary, 1e-9), d.boundary)) FROM districts d) AS covers
			FROM city_boundary c`);
		expect(city.districts).toBe(18);
		expect(city.km2).toBeGreaterThan(320);
		expect(city.km2).toBeLessThan(330);
		expect(city.covers).toBe(true);
	});

	it('places known points in the right district', async () => {
		const at = async (lng: number, lat: number) =>
			(await database.rows<{ id: number }>(sql`SELECT id FROM districts
				WHERE ST_Intersects(boundary, ST_SetSRID(ST_MakePoint(${lng}::float8, ${lat}::float8), 4326))`)).map((r) => r.id);
		expect(await at(19.9372, 50.0614)).toEqual([1]); // Rynek Główny
		expect(await at(20.0378, 50.0719)).toEqual([18]); // Plac Centralny, Nowa Huta
		expect(await at(19.9355, 50.0540)).toEqual([1]); // Wawel
		expect(await at(19.8, 50.2)).toEqual([]); // outside Kraków
	});

	it('changes nothing when the same file is imported again', async () => {
		const before = await snapshot();
		const result = await importDistricts(database, await readGeoJson(DISTRICTS_FILE));
		expect(result).toMatchObject({ inserted: 0, updated: 0, unchanged: 18 });
		expect(await snapshot()).toEqual(before);
	});

	it.each([
		['empty', { type: 'FeatureCollection', features: [] }],
		['a different city with 17 districts', (() => {
			const g = JSON.parse(readFileSync(DISTRICTS_FILE, 'utf8'));
			g.features.pop();
			return g;
		})()],
		['a broken geometry in the last district', (() => {
			const g = JSON.parse(readFileSync(DISTRICTS_FILE, 'utf8'));
			g.features[17].geometry.coordinates = [[[[19.9, 50], [19.9, 50], [19.9, 50], [19.9, 50]]]];
			return g;
		})()]
	])('refuses %s and leaves the database as it was', async (_, input) => {
		const before = [await snapshot(), await rowCounts(database)];
		await expect(importDistricts(database, input)).rejects.toThrow(/District boundaries/);
		expect([await snapshot(), await rowCounts(database)]).toEqual(before);
	});

	it('says clearly when the file is missing or not JSON', async () => {
		await expect(readGeoJson('/nonexistent/districts.geojson')).rejects.toThrow(/cannot read .*DISTRICTS_GEOJSON/);
		await expect(readGeoJson('package.json').then((g) => importDistricts(database, g))).rejects.toThrow(/FeatureCollection/);
		await expect(readGeoJson('src/app.html')).rejects.toThrow(/not valid JSON/);
	});
});

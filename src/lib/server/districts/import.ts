import { readFile } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import { rowsOf, type Database } from '../db/connect.ts';
import { InputError } from '../errors.ts';
import { parseDistrictCollection, type DistrictInput } from './parse-geojson.ts';
import { krakowPopulation } from './krakow-population.ts';

export interface ImportResult {
	inserted: number;
	updated: number;
	unchanged: number;
	/** Boundaries that were invalid (self-intersecting) and were repaired with ST_MakeValid. */
	repaired: number;
}

/** Reads GeoJSON from a file path or an http(s) URL. */
export async function readGeoJson(source: string): Promise<unknown> {
	let text: string;
	try {
		if (/^https?:\/\//.test(source)) {
			const response = await fetch(source);
			if (!response.ok) throw new Error(`HTTP ${response.status}`);
			text = await response.text();
		} else {
			text = await readFile(source, 'utf8');
		}
	} catch (e) {
		throw new InputError(`District boundaries: cannot read ${source} (${(e as Error).message}). Set DISTRICTS_GEOJSON to a GeoJSON file or URL.`);
	}
	try {
		return JSON.parse(text);
	} catch {
		throw new InputError(`District boundaries: ${source} is not valid JSON.`);
	}
}

/**
 * Imports district boundaries and derives the city outline from their union, all in one transaction:
 * a file that fails any check changes nothing, and importing the same file again changes nothing.
 */
export async function importDistricts(database: Database, geojson: unknown, expectedCount = 18): Promise<ImportResult> {
	const districts = parseDistrictCollection(geojson, expectedCount).map(withKnownPopulation);
	const result: ImportResult = { inserted: 0, updated: 0, unchanged: 0, repaired: 0 };
	await database.db.transaction(async (tx) => {
		for (const d of districts) {
			const raw = sql`ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(d.geometry)}), 4326)`;
			// Boundaries traced from OpenStreetMap often have a tiny self-intersection; repair it rather than refuse the city.
			const [shape] = await rowsOf<{ valid: boolean; repairable: boolean }>(
				tx,
				sql`SELECT ST_IsValid(${raw}) AS valid, NOT ST_IsEmpty(ST_CollectionExtract(ST_MakeValid(${raw}), 3)) AS repairable`
			);
			if (!shape.repairable) throw new InputError(`District boundaries: district ${d.number} (${d.name}) has no usable area.`);
			if (!shape.valid) result.repaired++;
			const geometry = sql`ST_Multi(ST_CollectionExtract(ST_MakeValid(${raw}), 3))`;
			const [existing] = await rowsOf<{ same: boolean }>(
				tx,
				sql`SELECT name = ${d.name} AND population IS NOT DISTINCT FROM ${d.population}::int
					AND ST_Equals(boundary, ${geometry}) AND ST_AsBinary(boundary) = ST_AsBinary(${geometry}) AS same
					FROM districts WHERE id = ${d.number}`
			);
			if (existing?.same) {
				result.unchanged++;
				continue;
			}
			await tx.execute(sql`
				INSERT INTO districts (id, name, boundary, population) VALUES (${d.number}, ${d.name}, ${geometry}, ${d.population})
				ON CONFLICT (id) DO UPDATE SET name = excluded.name, boundary = excluded.boundary, population = excluded.population`);
			if (existing) result.updated++;
			else result.inserted++;
		}
		if (result.inserted + result.updated > 0) {
			await tx.execute(sql`
				INSERT INTO city_boundary (id, boundary)
				SELECT 1, ST_Multi(ST_CollectionExtract(ST_Union(boundary), 3)) FROM districts
				ON CONFLICT (id) DO UPDATE SET boundary = excluded.boundary`);
		}
	});
	return result;
}

function withKnownPopulation(d: DistrictInput): DistrictInput {
	return d.population === null ? { ...d, population: krakowPopulation(d.number, d.name) } : d;
}

import { sql } from 'drizzle-orm';
import type { Database } from '../db/connect.ts';

/**
 * The districts as a GeoJSON FeatureCollection for the map (id, name, a label point), simplified to
 * about 10 m, which is finer than the map ever draws them and keeps the file small.
 */
export async function districtsGeoJson(database: Database): Promise<string> {
	const [row] = await database.rows<{ geojson: string }>(sql`
		SELECT json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(json_build_object(
			'type', 'Feature', 'id', id,
			'properties', json_build_object('id', id, 'name', name, 'label', ST_AsGeoJSON(ST_PointOnSurface(boundary), 5)::json -> 'coordinates'),
			'geometry', ST_AsGeoJSON(ST_SimplifyPreserveTopology(boundary, 0.0001), 5)::json
		) ORDER BY id), '[]'::json))::text AS geojson
		FROM districts`);
	return row.geojson;
}

/** The city outline, for the browser's instant "is this pin in Kraków" check (the server checks again). */
export async function cityGeoJson(database: Database): Promise<string> {
	const [row] = await database.rows<{ geojson: string }>(sql`
		SELECT coalesce((SELECT json_build_object('type', 'Feature', 'properties', json_build_object(),
			'geometry', ST_AsGeoJSON(boundary, 6)::json)::text FROM city_boundary), 'null') AS geojson`);
	return row.geojson;
}

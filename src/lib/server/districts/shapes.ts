import { sql } from 'drizzle-orm';
import type { Database } from '../db/connect.ts';

export interface DistrictShape {
	id: number;
	name: string;
	/** SVG path data in web-mercator metres, y down (PostGIS ST_AsSVG), simplified to ~20 m. */
	path: string;
}

export interface CityShapes {
	viewBox: string;
	districts: DistrictShape[];
}

const shapes = new WeakMap<Database, Promise<CityShapes>>();

/**
 * The districts as SVG paths for a choropleth drawn on the server (a link per district, no map
 * library, no JavaScript needed). Boundaries change only when imported at start, so they are read once.
 */
export function districtShapes(database: Database): Promise<CityShapes> {
	let found = shapes.get(database);
	if (!found) {
		found = readShapes(database);
		found.catch(() => shapes.delete(database));
		shapes.set(database, found);
	}
	return found;
}

async function readShapes(database: Database): Promise<CityShapes> {
	const mercator = sql`ST_Simplify(ST_Transform(boundary, 3857), 20)`;
	const [districts, [box]] = await Promise.all([
		database.rows<DistrictShape>(sql`SELECT id, name, ST_AsSVG(${mercator}, 1, 0) AS path FROM districts ORDER BY id`),
		database.rows<{ x: number; y: number; w: number; h: number }>(sql`
			SELECT floor(ST_XMin(e)) AS x, floor(-ST_YMax(e)) AS y, ceil(ST_XMax(e) - ST_XMin(e)) AS w, ceil(ST_YMax(e) - ST_YMin(e)) AS h
			FROM (SELECT ST_Extent(ST_Transform(boundary, 3857)) AS e FROM districts) extent`)
	]);
	return { viewBox: box ? `${box.x} ${box.y} ${box.w} ${box.h}` : '0 0 1 1', districts };
}

/** A district's bounding box [west, south, east, north], for a map that fits it; undefined if there is no such district. */
export async function districtBbox(database: Database, id: number): Promise<[number, number, number, number] | undefined> {
	const [box] = await database.rows<{ w: number; s: number; e: number; n: number }>(sql`
		SELECT ST_XMin(boundary) AS w, ST_YMin(boundary) AS s, ST_XMax(boundary) AS e, ST_YMax(boundary) AS n FROM districts WHERE id = ${id}`);
	return box ? [box.w, box.s, box.e, box.n] : undefined;
}

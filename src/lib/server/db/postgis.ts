import { customType } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

/**
 * PostGIS columns. Geometry is written through these types and never read raw: queries select
 * ST_AsGeoJSON or ST_X/ST_Y instead, so no WKB parsing is needed in the app.
 */

export interface LngLat {
	lng: number;
	lat: number;
}

export const point4326 = customType<{ data: LngLat; driverData: string }>({
	dataType: () => 'geometry(Point,4326)',
	toDriver: ({ lng, lat }) => sql`ST_SetSRID(ST_MakePoint(${lng}, ${lat}), 4326)`
});

/** Takes a GeoJSON Polygon or MultiPolygon geometry and stores it as a MultiPolygon. */
export const multiPolygon4326 = customType<{ data: object; driverData: string }>({
	dataType: () => 'geometry(MultiPolygon,4326)',
	toDriver: (geojson) => sql`ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(geojson)}), 4326))`
});

import { check, doublePrecision, index, integer, pgTable, smallint, text } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { multiPolygon4326 } from '../postgis.ts';

/** A city district; the id is its official number (I–XVIII in Kraków). */
export const districts = pgTable(
	'districts',
	{
		id: smallint('id').primaryKey(),
		name: text('name').notNull(),
		boundary: multiPolygon4326('boundary').notNull(),
		population: integer('population'),
		// Where the map draws the district's count: a point surely inside it, in web-mercator metres,
		// kept with the boundary so no tile computes it from thousands of vertices.
		labelX: doublePrecision('label_x').generatedAlwaysAs(sql`ST_X(ST_Transform(ST_PointOnSurface(boundary), 3857))`),
		labelY: doublePrecision('label_y').generatedAlwaysAs(sql`ST_Y(ST_Transform(ST_PointOnSurface(boundary), 3857))`)
	},
	(t) => [index('districts_boundary_idx').using('gist', t.boundary)]
);

/** The city's outline, the union of its districts, kept as one row so "is this point in the city" is one lookup. */
export const cityBoundary = pgTable(
	'city_boundary',
	{
		id: smallint('id').primaryKey().default(1),
		boundary: multiPolygon4326('boundary').notNull()
	},
	(t) => [check('city_boundary_single_row', sql`${t.id} = 1`)]
);

import { sql, type SQL } from 'drizzle-orm';
import { fromGeojsonVt, type Feature } from '@maplibre/vt-pbf';
import type { Database } from '../db/connect.ts';
import { mapFiltersToParams, type MapFilters } from '../../domain/map-filters.ts';
import { OPEN_STATUSES, type Status } from '../../domain/status.ts';
import { filterConditions, list, periodCondition, where } from './filter-sql.ts';
import { versionCache } from './version-cache.ts';

/** report_cells' cell: a tile of this zoom (the migration's report_cell_x/y use the same). */
export const CELL_ZOOM = 17;
/** Up to this zoom the map shows a count per district; then per cell; from POINTS_MIN_ZOOM the pins. */
export const DISTRICTS_MAX_ZOOM = 12;
export const POINTS_MIN_ZOOM = 15;
/** Pins in one tile at most (the newest), so no view's response grows with the table. */
export const POINTS_PER_TILE = 5000;
/** Cells per tile side at cluster zooms: 8 × 8 clusters, 64 px apart on a 512 px tile. */
const CELLS_PER_SIDE_LOG2 = 3;

const EXTENT = 4096;
/** EPSG:3857, the web-mercator of tiles: a sphere of this radius. */
const EARTH_RADIUS = 6378137;
const HALF_WORLD = Math.PI * EARTH_RADIUS;
const WORLD = 2 * HALF_WORLD;
const open = list(OPEN_STATUSES);

export interface TileAddress {
	z: number;
	x: number;
	y: number;
}

/** Where a web-mercator point falls in the tile, in tile units (0–4096). */
function tileTransform({ z, x, y }: TileAddress) {
	const size = WORLD / 2 ** z;
	const left = -HALF_WORLD + x * size;
	const top = HALF_WORLD - y * size;
	return (mx: number, my: number): [number, number] => [
		Math.round(((mx - left) / size) * EXTENT),
		Math.round(((top - my) / size) * EXTENT)
	];
}

/** Web-mercator metres of a longitude/latitude: the same as ST_Transform(…, 3857), without a call per pin in the database. */
function mercator(lng: number, lat: number): [number, number] {
	return [(lng * Math.PI * EARTH_RADIUS) / 180, EARTH_RADIUS * Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360))];
}

interface ClusterRow {
	n: number;
	open: number;
	mx: number;
	my: number;
	district: number | null;
	name: string | null;
}

interface PointRow {
	id: number;
	type: string;
	status: Status;
	lng: number;
	lat: number;
}

/** The SQL behind a tile: every district's count, the tile's cells or its pins, by zoom (the benchmark times the same SQL alone). */
export function tileQuery(tile: TileAddress, filters: MapFilters): SQL {
	if (tile.z >= POINTS_MIN_ZOOM) return pointsQuery(tile, filters);
	return tile.z <= DISTRICTS_MAX_ZOOM ? districtsQuery(filters) : cellsQuery(tile, filters);
}

/** A period filter ("last 30 days") moves with the clock as well as with the map version: such answers are kept a minute at most. */
export const PERIOD_TILE_SECONDS = 60;

/** What an answer depends on besides the tile and the map version: the filters, and the minute when a period is set. */
export function filtersKey(filters: MapFilters, now = Date.now()): string {
	const params = mapFiltersToParams(filters).toString();
	return filters.period ? `${params}@${Math.floor(now / (PERIOD_TILE_SECONDS * 1000))}` : params;
}

/**
 * Per-district counts are the same for every low-zoom tile and change only with the map version (and
 * the clock, with a period), so they are computed once per version and filtersKey and kept for the
 * next tiles (a few hundred sets at most).
 */
const districtCounts = versionCache<ClusterRow[]>(300);

function countsPerDistrict(database: Database, filters: MapFilters, version: number): Promise<ClusterRow[]> {
	return districtCounts(version, filtersKey(filters), () => database.rows<ClusterRow>(districtsQuery(filters)));
}

/** Whether a web-mercator point lies in the tile or within `margin` (a share of its side) of it. */
function inTile({ z, x, y }: TileAddress, margin: number) {
	const size = WORLD / 2 ** z;
	const [left, top] = [-HALF_WORLD + x * size, HALF_WORLD - y * size];
	return (mx: number, my: number) =>
		mx >= left - margin * size && mx <= left + size + margin * size && my <= top + margin * size && my >= top - size - margin * size;
}

/**
 * Cluster tiles are small (64 counts at most) and the same for everyone until the map version moves:
 * each is encoded once per version and filtersKey (a few megabytes at most). Pin tiles are bigger
 * and many more, so they are read each time.
 */
const clusterTiles = versionCache<Uint8Array>(2000);

/**
 * One vector tile of reports: layer `clusters` (counts) below POINTS_MIN_ZOOM, layer `reports` (pins,
 * with type and status) from it. `version` is the map version the answer may be reused for.
 */
export function reportTile(database: Database, tile: TileAddress, filters: MapFilters, version: number): Promise<Uint8Array> {
	if (tile.z >= POINTS_MIN_ZOOM) return pinsTile(database, tile, filters);
	const key = `${tile.z}/${tile.x}/${tile.y}?${filtersKey(filters)}`;
	return clusterTiles(version, key, () => clustersTile(database, tile, filters, version));
}

async function pinsTile(database: Database, tile: TileAddress, filters: MapFilters): Promise<Uint8Array> {
	const toTile = tileTransform(tile);
	const rows = await database.rows<PointRow>(tileQuery(tile, filters));
	return encode(
		'reports',
		rows.map((r) => ({
			id: r.id,
			type: 1,
			geometry: [toTile(...mercator(r.lng, r.lat))],
			tags: { type: r.type, status: r.status }
		}))
	);
}

async function clustersTile(database: Database, tile: TileAddress, filters: MapFilters, version: number): Promise<Uint8Array> {
	const toTile = tileTransform(tile);
	// A district's count is drawn in every tile its label's margin reaches, so none is cut at a tile's edge.
	const near = inTile(tile, 0.05);
	const rows =
		tile.z <= DISTRICTS_MAX_ZOOM
			? (await countsPerDistrict(database, filters, version)).filter((r) => near(r.mx, r.my))
			: await database.rows<ClusterRow>(tileQuery(tile, filters));
	return encode(
		'clusters',
		rows.map((r) => ({
			type: 1,
			geometry: [toTile(r.mx, r.my)],
			tags: r.district === null ? { count: r.n, open: r.open } : { count: r.n, open: r.open, district: r.district, name: r.name }
		}))
	);
}

function encode(layer: string, features: Feature[]): Uint8Array {
	// fromGeojsonVt only reads `features` of each layer; the rest of geojson-vt's tile type is not needed.
	return fromGeojsonVt({ [layer]: { features } as never }, { version: 2, extent: EXTENT });
}

const envelope = ({ z, x, y }: TileAddress, margin = 0) => sql`ST_TileEnvelope(${z}::int, ${x}::int, ${y}::int, margin => ${margin}::float8)`;

/** Counts per district, drawn at a point inside each district; from district_counts unless a period needs the raw rows. */
function districtsQuery(filters: MapFilters): SQL {
	const source = filters.period
		? sql`(SELECT district_id, category_id, status, type, 1 AS reports FROM reports WHERE ${periodCondition(filters)})`
		: sql`district_counts`;
	return sql`
		WITH counts AS (
			SELECT district_id, sum(reports)::int AS n, coalesce(sum(reports) FILTER (WHERE status IN (${open})), 0)::int AS open
			FROM ${source} AS s ${where(filterConditions(filters))}
			GROUP BY district_id
		)
		SELECT c.n, c.open, d.label_x AS mx, d.label_y AS my, d.id AS district, d.name
		FROM counts c JOIN districts d ON d.id = c.district_id
		WHERE c.n > 0`;
}

/** Counts per group of cells, drawn at the mean of their reports; from report_cells unless a period needs the raw rows. */
function cellsQuery(tile: TileAddress, filters: MapFilters): SQL {
	const span = CELL_ZOOM - tile.z;
	const shift = CELL_ZOOM - (tile.z + CELLS_PER_SIDE_LOG2);
	const [x0, x1] = [tile.x << span, ((tile.x + 1) << span) - 1];
	const [y0, y1] = [tile.y << span, ((tile.y + 1) << span) - 1];
	const source = filters.period
		? sql`(SELECT report_cell_x(ST_X(m)) AS x, report_cell_y(ST_Y(m)) AS y, district_id, category_id, status, type,
				1 AS reports, ST_X(m) AS sum_x, ST_Y(m) AS sum_y
			FROM reports CROSS JOIN LATERAL ST_Transform(location, 3857) AS m
			WHERE ${periodCondition(filters)} AND location && ST_Transform(${envelope(tile)}, 4326))`
		: sql`report_cells`;
	const conditions = [sql`x BETWEEN ${x0} AND ${x1}`, sql`y BETWEEN ${y0} AND ${y1}`, ...filterConditions(filters)];
	return sql`
		SELECT sum(reports)::int AS n, coalesce(sum(reports) FILTER (WHERE status IN (${open})), 0)::int AS open,
			sum(sum_x) / sum(reports) AS mx, sum(sum_y) / sum(reports) AS my, NULL AS district, NULL AS name
		FROM ${source} AS s ${where(conditions)}
		GROUP BY x >> ${shift}, y >> ${shift}
		HAVING sum(reports) > 0`;
}

/** The newest visible reports in the tile (with a margin so pins on the edge are not cut). */
function pointsQuery(tile: TileAddress, filters: MapFilters): SQL {
	const conditions = [
		periodCondition(filters),
		sql`location && ST_Transform(${envelope(tile, 64 / EXTENT)}, 4326)`,
		...filterConditions(filters)
	];
	return sql`
		SELECT id::int AS id, type, status, ST_X(location) AS lng, ST_Y(location) AS lat
		FROM reports
		${where(conditions)}
		ORDER BY created_at DESC
		LIMIT ${POINTS_PER_TILE}`;
}

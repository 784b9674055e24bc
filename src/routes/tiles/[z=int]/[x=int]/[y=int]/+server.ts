import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { database } from '$lib/server/db/index.ts';
import { filtersKey, PERIOD_TILE_SECONDS, reportTile } from '$lib/server/map/tiles.ts';
import { mapVersion } from '$lib/server/map/version.ts';
import { parseMapFilters } from '$lib/domain/map-filters.ts';

const MAX_ZOOM = 22;

/**
 * A vector tile of reports. URLs carry the map version (`?v=`): a tile asked for at the current
 * version may be cached for a day (a minute with a period filter, which ages with the clock), any
 * other answers with an ETag to revalidate.
 */
export const GET: RequestHandler = async ({ params, url, request }) => {
	const [z, x, y] = [Number(params.z), Number(params.x), Number(params.y)];
	if (z > MAX_ZOOM || x >= 2 ** z || y >= 2 ** z) error(404, 'No such tile');
	const filters = parseMapFilters(url.searchParams);
	const db = await database();
	const version = await mapVersion(db);
	const etag = `"${version}-${z}-${x}-${y}-${filtersKey(filters)}"`;
	const current = url.searchParams.get('v') === String(version);
	const headers = {
		ETag: etag,
		'Cache-Control': !current ? 'public, no-cache' : filters.period ? `public, max-age=${PERIOD_TILE_SECONDS}` : 'public, max-age=86400'
	};
	if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
	const tile = await reportTile(db, { z, x, y }, filters, version);
	return new Response(tile as Uint8Array<ArrayBuffer>, {
		headers: { ...headers, 'Content-Type': 'application/vnd.mapbox-vector-tile' }
	});
};

import type { RequestHandler } from './$types';
import { database } from '$lib/server/db/index.ts';
import { districtsGeoJson } from '$lib/server/districts/geojson.ts';

export const GET: RequestHandler = async () =>
	new Response(await districtsGeoJson(await database()), {
		headers: { 'Content-Type': 'application/geo+json', 'Cache-Control': 'public, max-age=3600' }
	});

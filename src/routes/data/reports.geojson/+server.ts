import type { RequestHandler } from './$types';
import { answering } from '$lib/server/http.ts';
import { downloadResponse } from '$lib/server/export/request.ts';
import { reportsGeoJson } from '$lib/server/export/formats.ts';

/** Every public report matching the filters, as a GeoJSON FeatureCollection (RFC 7946), streamed. */
export const GET: RequestHandler = ({ url, locals }) =>
	answering(locals.lang, () => downloadResponse(url, reportsGeoJson, 'application/geo+json', 'kck-reports.geojson'));

import type { RequestHandler } from './$types';
import { answering } from '$lib/server/http.ts';
import { feedResponse } from '$lib/server/feeds/request.ts';

/** New reports and status changes as RSS 2.0 with GeoRSS, for the whole city or a district, category, area or report. */
export const GET: RequestHandler = ({ url, locals }) => answering(locals.lang, () => feedResponse(url, locals.lang, 'rss'));

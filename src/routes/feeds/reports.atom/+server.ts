import type { RequestHandler } from './$types';
import { answering } from '$lib/server/http.ts';
import { feedResponse } from '$lib/server/feeds/request.ts';

/** New reports and status changes as Atom 1.0 with GeoRSS, for the whole city or a district, category, area or report. */
export const GET: RequestHandler = ({ url, locals }) => answering(locals.lang, () => feedResponse(url, locals.lang, 'atom'));

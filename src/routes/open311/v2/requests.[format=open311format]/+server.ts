import type { RequestHandler } from './$types';
import { database } from '$lib/server/db/index.ts';
import { open311 } from '$lib/server/open311/handler.ts';
import { open311Answer } from '$lib/server/open311/format.ts';
import { listRequests, parseRequestQuery } from '$lib/server/open311/requests.ts';

/** Service requests filed in a range (the last 90 days unless asked), newest first, at most 1,000 a page. */
export const GET: RequestHandler = ({ params, url, locals }) =>
	open311(params.format, async (format) => {
		const requests = await listRequests(await database(), parseRequestQuery(url.searchParams), locals.lang, url.origin);
		return open311Answer(format, requests, { root: 'service_requests', item: 'request' });
	});

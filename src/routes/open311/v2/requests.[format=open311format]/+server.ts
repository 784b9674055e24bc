import type { RequestHandler } from './$types';
import { database } from '$lib/server/db/index.ts';
import { config } from '$lib/server/config.ts';
import { readForm } from '$lib/server/http.ts';
import { open311 } from '$lib/server/open311/handler.ts';
import { open311Answer } from '$lib/server/open311/format.ts';
import { listRequests, parseRequestQuery } from '$lib/server/open311/requests.ts';
import { submitServiceRequest } from '$lib/server/open311/submit.ts';

/** Service requests filed in a range (the last 90 days unless asked), newest first, at most 1,000 a page. */
export const GET: RequestHandler = ({ params, url, locals }) =>
	open311(params.format, async (format) => {
		const requests = await listRequests(await database(), parseRequestQuery(url.searchParams), locals.lang, url.origin);
		return open311Answer(format, requests, { root: 'service_requests', item: 'request' });
	});

/**
 * A new service request from an application holding an API key. The key is this route's guard:
 * clients are servers that send no Origin, so hooks.server.ts exempts it from the origin check.
 */
export const POST: RequestHandler = (event) =>
	open311(event.params.format, async (format) => {
		const form = await readForm(event.request, 'Send the fields as application/x-www-form-urlencoded or multipart/form-data, as GeoReport v2 asks.');
		const accepted = await submitServiceRequest(await database(), form, config().uploadsDir, event);
		return open311Answer(format, [accepted], { root: 'service_requests', item: 'request' });
	});

import type { RequestHandler } from './$types';
import { database } from '$lib/server/db/index.ts';
import { open311 } from '$lib/server/open311/handler.ts';
import { open311Answer, open311Error } from '$lib/server/open311/format.ts';
import { findRequest } from '$lib/server/open311/requests.ts';
import { isReportRef } from '$lib/domain/report-ref.ts';

/** One service request by its id (the public reference), as a list of one, as the specification answers. */
export const GET: RequestHandler = ({ params, url, locals }) =>
	open311(params.format, async (format) => {
		if (!isReportRef(params.id)) return open311Error(format, 404, `No service request ${params.id}.`);
		const request = await findRequest(await database(), params.id, locals.lang, url.origin);
		if (!request) return open311Error(format, 404, `No service request ${params.id}.`);
		return open311Answer(format, [request], { root: 'service_requests', item: 'request' });
	});

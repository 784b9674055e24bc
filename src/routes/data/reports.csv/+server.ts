import type { RequestHandler } from './$types';
import { answering } from '$lib/server/http.ts';
import { downloadResponse } from '$lib/server/export/request.ts';
import { csvOf } from '$lib/server/export/formats.ts';

/** Every public report matching the filters, as CSV (RFC 4180, UTF-8), streamed. */
export const GET: RequestHandler = ({ url, locals }) =>
	answering(locals.lang, () => downloadResponse(url, csvOf, 'text/csv; charset=utf-8; header=present', 'kck-reports.csv'));

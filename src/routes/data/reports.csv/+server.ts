import type { RequestHandler } from './$types';
import { answering } from '$lib/server/http.ts';
import { downloadResponse } from '$lib/server/export/request.ts';
import { reportsCsv } from '$lib/server/export/formats.ts';

/** Every public report matching the filters, as CSV (UTF-8, LF), streamed. */
export const GET: RequestHandler = ({ url, locals }) =>
	answering(locals.lang, () => downloadResponse(url, reportsCsv, 'text/csv; charset=utf-8; header=present', 'kck-reports.csv'));

import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { database } from '$lib/server/db/index.ts';
import { findReport } from '$lib/server/reports/read.ts';
import { InputError } from '$lib/server/errors.ts';
import { answering } from '$lib/server/http.ts';

/** A report's public summary, for the map's popup. */
export const GET: RequestHandler = ({ params, locals }) =>
	answering(locals.lang, async () => {
		const report = await findReport(await database(), { id: Number(params.id) });
		if (!report) throw new InputError('errors.report_not_found', { status: 404 });
		const { id, publicRef, title, type, category, categoryPl, categoryEn, status, createdAt, votes, districtName } = report;
		return json({ id, publicRef, title, type, category, categoryPl, categoryEn, status, createdAt, votes, districtName });
	});

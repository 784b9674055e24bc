import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { database } from '$lib/server/db/index.ts';
import { openReportsNear } from '$lib/server/reports/nearby.ts';
import { pointQuerySchema } from '$lib/domain/list-query.ts';
import { isCategoryCode } from '$lib/domain/report-types.ts';
import { InputError } from '$lib/server/errors.ts';
import { answering } from '$lib/server/http.ts';

/** Open reports within 50 m of ?lng=&lat= (the chosen ?category= first): offered as "me too" before a new report. */
export const GET: RequestHandler = ({ url, locals }) =>
	answering(locals.lang, async () => {
		const point = pointQuerySchema.safeParse(Object.fromEntries(url.searchParams));
		if (!point.success) throw new InputError('errors.location', { field: 'location' });
		// The report form asks with its category, empty until one is chosen.
		const category = url.searchParams.get('category') || undefined;
		if (category !== undefined && !isCategoryCode(category)) throw new InputError('errors.category', { field: 'category' });
		const reports = await openReportsNear(await database(), point.data, { category });
		return json({ reports }, { headers: { 'Cache-Control': 'no-cache' } });
	});

import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { database } from '$lib/server/db/index.ts';
import { config } from '$lib/server/config.ts';
import { InputError } from '$lib/server/errors.ts';
import { message } from '$lib/server/http.ts';
import { translate } from '$lib/i18n/index.ts';
import { statisticsFor } from '$lib/server/stats/request.ts';
import { districtBbox } from '$lib/server/districts/shapes.ts';
import { districtLists } from '$lib/server/reports/district-lists.ts';
import { mapVersion } from '$lib/server/map/version.ts';
import { overviewAt } from '$lib/server/stats/overview.ts';
import { warsawDay } from '$lib/domain/stats-filters.ts';

/** A councillor's page: the district's figures beside the city's, its map, and its three lists. */
export const load: PageServerLoad = async ({ params, url, locals }) => {
	const db = await database();
	const id = Number(params.id);
	const bbox = await districtBbox(db, id);
	if (!bbox) error(404, translate(locals.lang, 'errors.not_found'));
	try {
		const version = await mapVersion(db);
		const [request, lists, overview] = await Promise.all([
			statisticsFor(db, url.searchParams, { district: id }),
			districtLists(db, id, config().overdueDays, warsawDay(new Date())),
			overviewAt(db, version)
		]);
		const district = request.stats.districts.find((d) => d.id === id)!;
		return {
			...request,
			district,
			lists,
			bbox,
			version,
			hasGeneratedData: overview.hasGeneratedData,
			overdueDays: config().overdueDays,
			mapStyleUrl: config().mapStyleUrl
		};
	} catch (e) {
		if (e instanceof InputError) error(e.status, message(locals.lang, e.key));
		throw e;
	}
};

import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { database } from '$lib/server/db/index.ts';
import { InputError } from '$lib/server/errors.ts';
import { message } from '$lib/server/http.ts';
import { statisticsFor } from '$lib/server/stats/request.ts';
import { overviewAt } from '$lib/server/stats/overview.ts';
import { districtShapes } from '$lib/server/districts/shapes.ts';
import { mapVersion } from '$lib/server/map/version.ts';

/** The statistics for the filters in the URL; a wrong filter is a 400 page that says which and why. */
export const load: PageServerLoad = async ({ url, locals }) => {
	const db = await database();
	try {
		const version = await mapVersion(db);
		const [request, overview, shapes] = await Promise.all([statisticsFor(db, url.searchParams), overviewAt(db, version), districtShapes(db)]);
		return { ...request, version, hasGeneratedData: overview.hasGeneratedData, shapes };
	} catch (e) {
		if (e instanceof InputError) error(e.status, message(locals.lang, e.key));
		throw e;
	}
};

import type { PageServerLoad } from './$types';
import { database } from '$lib/server/db/index.ts';
import { config } from '$lib/server/config.ts';
import { listReports } from '$lib/server/reports/list.ts';
import { overviewAt } from '$lib/server/stats/overview.ts';
import { listCategories, listDistricts } from '$lib/server/catalog/read.ts';
import { mapVersion } from '$lib/server/map/version.ts';
import { parseMapFilters } from '$lib/domain/map-filters.ts';
import { bboxCenter, parseBbox, parseNear, parsePage, parseSort } from '$lib/domain/list-query.ts';

/** The map of reports: filters, the map's view and the list all come from the URL, so any view can be shared. */
export const load: PageServerLoad = async ({ url }) => {
	const db = await database();
	const params = url.searchParams;
	const filters = parseMapFilters(params);
	const bbox = parseBbox(params.get('bbox'));
	const near = parseNear(params.get('near'));
	const sort = parseSort(params.get('sort'));
	const page = parsePage(params.get('page'));
	const from = near ?? (bbox ? bboxCenter(bbox) : undefined);
	const version = await mapVersion(db);
	const [list, figures, categories, districts] = await Promise.all([
		listReports(db, { filters, bbox, sort, from, page }),
		overviewAt(db, version),
		listCategories(db),
		listDistricts(db)
	]);
	return { filters, bbox, near, sort, page, list, figures, categories, districts, version, mapStyleUrl: config().mapStyleUrl };
};

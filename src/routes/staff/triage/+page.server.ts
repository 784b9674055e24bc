import type { PageServerLoad } from './$types';
import { error } from '@sveltejs/kit';
import { database } from '$lib/server/db/index.ts';
import { config } from '$lib/server/config.ts';
import { InputError } from '$lib/server/errors.ts';
import { listCategories, listDistricts } from '$lib/server/catalog/read.ts';
import { OPERATORS, staffPage } from '$lib/server/staff/guard.ts';
import { parseQueueFilters, QUEUE_PAGE, triageQueue } from '$lib/server/staff/queues.ts';
import { message } from '$lib/server/http.ts';

/** New reports, oldest first, for operators to accept, forward or close. */
export const load: PageServerLoad = async (event) => {
	staffPage(event, OPERATORS);
	let filters;
	try {
		filters = parseQueueFilters(event.url.searchParams);
	} catch (e) {
		if (e instanceof InputError) error(400, message(event.locals.lang, e.key));
		throw e;
	}
	const db = await database();
	const [items, categories, districts] = await Promise.all([triageQueue(db, filters, config().overdueDays), listCategories(db), listDistricts(db)]);
	return { items, categories, districts, filters, more: items.length === QUEUE_PAGE };
};

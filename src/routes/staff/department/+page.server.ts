import type { PageServerLoad } from './$types';
import { error } from '@sveltejs/kit';
import { database } from '$lib/server/db/index.ts';
import { config } from '$lib/server/config.ts';
import { InputError } from '$lib/server/errors.ts';
import { message } from '$lib/server/http.ts';
import { staffPage } from '$lib/server/staff/guard.ts';
import { departmentQueue, parseQueueFilters, QUEUE_PAGE } from '$lib/server/staff/queues.ts';

/** A department's reports, forwarded and in progress, overdue ones first. */
export const load: PageServerLoad = async (event) => {
	const user = staffPage(event, ['department']);
	let page;
	try {
		page = parseQueueFilters(event.url.searchParams).page;
	} catch (e) {
		if (e instanceof InputError) error(400, message(event.locals.lang, e.key));
		throw e;
	}
	const items = await departmentQueue(await database(), user.departmentId!, page, config().overdueDays);
	return { items, page, more: items.length === QUEUE_PAGE, department: event.locals.lang === 'pl' ? user.departmentPl : user.departmentEn };
};

import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { database } from '$lib/server/db/index.ts';
import { withoutNul } from '$lib/domain/report-types.ts';
import { InputError } from '$lib/server/errors.ts';
import { formOf, message } from '$lib/server/http.ts';
import { ADMINS, staffAction, staffPage } from '$lib/server/staff/guard.ts';
import { listDepartments } from '$lib/server/staff/departments.ts';
import { catalogCategories, saveCategory, saveDepartment } from '$lib/server/staff/catalog-admin.ts';

export const load: PageServerLoad = async (event) => {
	staffPage(event, ADMINS);
	const db = await database();
	const [departments, categories] = await Promise.all([listDepartments(db), catalogCategories(db)]);
	return { departments, categories };
};

/** Saves one department or category as the admin typed it; a refusal comes back with what was typed. */
async function save(event: RequestEvent, form: 'department' | 'category', work: typeof saveDepartment) {
	const user = staffAction(event, ADMINS);
	const values = Object.fromEntries([...(await formOf(event.request, event.locals.lang))].map(([k, v]) => [k, withoutNul(String(v))]));
	try {
		await work(await database(), values, { accountId: user.id, address: event.getClientAddress() });
		return { form, saved: values.code };
	} catch (e) {
		if (e instanceof InputError) return fail(e.status, { form, values, error: message(event.locals.lang, e.key) });
		throw e;
	}
}

export const actions: Actions = {
	department: (event) => save(event, 'department', saveDepartment),
	category: (event) => save(event, 'category', saveCategory)
};

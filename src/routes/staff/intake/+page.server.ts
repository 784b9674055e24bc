import { randomUUID } from 'node:crypto';
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { database } from '$lib/server/db/index.ts';
import { config } from '$lib/server/config.ts';
import { InputError } from '$lib/server/errors.ts';
import { fieldErrors, formOf, message } from '$lib/server/http.ts';
import { listCategories } from '$lib/server/catalog/read.ts';
import { mapVersion } from '$lib/server/map/version.ts';
import { OPERATORS, staffAction, staffPage } from '$lib/server/staff/guard.ts';
import { fileByPhone } from '$lib/server/staff/phone-intake.ts';
import { newReportSchema, reportFormValues } from '$lib/domain/report-input.ts';

export const load: PageServerLoad = async (event) => {
	staffPage(event, OPERATORS);
	const db = await database();
	const [categories, version] = await Promise.all([listCategories(db), mapVersion(db)]);
	// One key per form shown: a double click on "save" files the call once.
	return { categories, version, mapStyleUrl: config().mapStyleUrl, submission: randomUUID() };
};

export const actions: Actions = {
	/** A caller's report, by the public form's rules; the type follows the category chosen. */
	default: async (event) => {
		const user = staffAction(event, OPERATORS);
		const values = reportFormValues(await formOf(event.request, event.locals.lang));
		const category = (await listCategories(await database())).find((c) => c.code === values.category);
		const parsed = newReportSchema.safeParse({ ...values, type: category?.type ?? '', channel: 'phone' });
		if (!parsed.success) return fail(400, { values, errors: fieldErrors(parsed.error, event.locals.lang) });
		let ref;
		try {
			ref = (await fileByPhone(await database(), parsed.data, user, event.getClientAddress(), values.submission || undefined)).publicRef;
		} catch (e) {
			if (e instanceof InputError) return fail(e.status, { values, errors: { [e.field ?? 'form']: message(event.locals.lang, e.key) } });
			throw e;
		}
		redirect(303, `/staff/reports/${ref}`);
	}
};

import { randomUUID } from 'node:crypto';
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { database } from '$lib/server/db/index.ts';
import { config } from '$lib/server/config.ts';
import { listCategories } from '$lib/server/catalog/read.ts';
import { mapVersion } from '$lib/server/map/version.ts';
import { createReport } from '$lib/server/reports/create.ts';
import { preparePhotos } from '$lib/server/photos/prepare.ts';
import { InputError } from '$lib/server/errors.ts';
import { isDatabaseUnavailable, OutcomeUnknownError } from '$lib/server/db/outage.ts';
import { fieldErrors, formOf, message } from '$lib/server/http.ts';
import { addressKey, enforceRateLimit } from '$lib/server/rate-limits.ts';
import { newReportSchema, reportFormValues } from '$lib/domain/report-input.ts';

export const load: PageServerLoad = async () => {
	const db = await database();
	const [categories, version] = await Promise.all([listCategories(db), mapVersion(db)]);
	// A new key per form shown: a double click or a retry of this form files one report.
	return { categories, version, mapStyleUrl: config().mapStyleUrl, submission: randomUUID() };
};

export const actions: Actions = {
	/** A new report from the form; every refusal returns the form as typed, with a message per field. */
	default: async (event) => {
		const { request, locals } = event;
		const form = await formOf(request, locals.lang);
		const values = reportFormValues(form);
		const parsed = newReportSchema.safeParse({ ...values, channel: 'online' });
		if (!parsed.success) return fail(400, { values, errors: fieldErrors(parsed.error, locals.lang) });
		let created;
		try {
			const db = await database();
			await enforceRateLimit(event, db, 'reportsPerAddress', addressKey(event.getClientAddress()));
			const photos = await preparePhotos(form.getAll('photos').filter((f): f is File => f instanceof File));
			created = await createReport(db, parsed.data, { photos, uploadsDir: config().uploadsDir }, { submissionKey: values.submission ? `form:${values.submission}` : undefined });
		} catch (e) {
			if (e instanceof InputError) {
				return fail(e.status, { values, errors: { [e.field ?? 'photos']: message(locals.lang, e.key) } });
			}
			// The database is away: the form comes back as typed, saying whether the report may have been saved.
			if (e instanceof OutcomeUnknownError) return fail(503, { values, errors: { form: message(locals.lang, 'errors.unavailable_outcome_unknown') } });
			if (isDatabaseUnavailable(e)) return fail(503, { values, errors: { form: message(locals.lang, 'errors.unavailable_not_saved') } });
			throw e;
		}
		redirect(303, `/reports/${created.publicRef}?created=1`);
	}
};

import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { database } from '$lib/server/db/index.ts';
import { config } from '$lib/server/config.ts';
import { InputError } from '$lib/server/errors.ts';
import { formOf, message } from '$lib/server/http.ts';
import { listCategories } from '$lib/server/catalog/read.ts';
import { ALL_STAFF, OPERATORS, staffAction, staffPage } from '$lib/server/staff/guard.ts';
import { staffReport } from '$lib/server/staff/report-view.ts';
import { actOnReport, editReport, setHidden, type Acting } from '$lib/server/staff/report-actions.ts';
import { listDepartments } from '$lib/server/staff/departments.ts';
import { smtpMailer } from '$lib/server/alerts/mailer.ts';
import { isStatusAction } from '$lib/domain/staff-actions.ts';
import { withoutNul } from '$lib/domain/report-types.ts';
import type { StaffRole } from '$lib/domain/staff.ts';

export const load: PageServerLoad = async (event) => {
	const user = staffPage(event, ALL_STAFF);
	const db = await database();
	try {
		const view = await staffReport(db, event.params.ref, user);
		if (!view) error(404, message(event.locals.lang, 'errors.report_not_found'));
		const [categories, departments] = await Promise.all([listCategories(db), listDepartments(db)]);
		return { view, categories, departments };
	} catch (e) {
		if (e instanceof InputError) error(e.status, message(event.locals.lang, e.key));
		throw e;
	}
};

/** Runs one change on the report as the signed-in staff member; a refusal comes back to the form that sent it. */
async function change(event: RequestEvent, roles: readonly StaffRole[], form: string, work: (fields: FormData, acting: Acting) => Promise<unknown>) {
	const user = staffAction(event, roles);
	const fields = await formOf(event.request, event.locals.lang);
	try {
		await work(fields, { user, address: event.getClientAddress(), origin: event.url.origin });
		return { done: form };
	} catch (e) {
		if (e instanceof InputError) return fail(e.status, { form, error: message(event.locals.lang, e.key) });
		throw e;
	}
}

// NUL is the one character PostgreSQL's text refuses: dropped, as the public form does.
const text = (fields: FormData, name: string) => withoutNul(String(fields.get(name) ?? ''));
const revisionOf = (fields: FormData) => {
	const revision = Number(fields.get('revision'));
	if (!Number.isInteger(revision) || revision < 0) throw new InputError('errors.staff_conflict', { status: 409 });
	return revision;
};

export const actions: Actions = {
	status: (event) =>
		change(event, ALL_STAFF, 'status', async (fields, acting) => {
			const action = text(fields, 'action');
			if (!isStatusAction(action)) throw new InputError('errors.staff_transition', { status: 400 });
			const settings = config();
			await actOnReport(
				await database(),
				event.params.ref,
				{ action, revision: revisionOf(fields), note: text(fields, 'note'), department: text(fields, 'department'), duplicateOf: text(fields, 'duplicateOf') },
				acting,
				smtpMailer(settings.smtpUrl, settings.mailFrom)
			);
		}),
	edit: (event) =>
		change(event, OPERATORS, 'edit', async (fields, acting) => {
			await editReport(
				await database(),
				event.params.ref,
				{ revision: revisionOf(fields), category: text(fields, 'category'), title: text(fields, 'title'), lng: text(fields, 'lng'), lat: text(fields, 'lat') },
				acting
			);
		}),
	hide: (event) =>
		change(event, OPERATORS, 'hide', async (fields, acting) => {
			const hide = text(fields, 'hide') === '1';
			await setHidden(await database(), event.params.ref, { revision: revisionOf(fields), hide, reason: text(fields, 'reason'), note: text(fields, 'note') }, acting);
		})
};

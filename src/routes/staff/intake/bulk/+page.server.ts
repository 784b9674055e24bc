import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { database } from '$lib/server/db/index.ts';
import { withoutNul } from '$lib/domain/report-types.ts';
import { formOf } from '$lib/server/http.ts';
import { InputError } from '$lib/server/errors.ts';
import { listCategories } from '$lib/server/catalog/read.ts';
import { OPERATORS, staffAction, staffPage } from '$lib/server/staff/guard.ts';
import { BULK_MAX_BYTES, BULK_MAX_ROWS, BulkFileError, decodeCsv, intakeBatch, previewBulk, saveBulk } from '$lib/server/staff/bulk-intake.ts';
import { translate, type MessageKey } from '$lib/i18n/index.ts';

/** The upload form with the category codes; after a save (`?batch=`), the saved batch with its references. */
export const load: PageServerLoad = async (event) => {
	staffPage(event, OPERATORS);
	const db = await database();
	const batchParam = event.url.searchParams.get('batch');
	const batch = batchParam === null ? null : /^\d{1,9}$/.test(batchParam) ? await intakeBatch(db, Number(batchParam)) : null;
	if (batchParam !== null && !batch) error(404, translate(event.locals.lang, 'errors.not_found'));
	return { categories: await listCategories(db), limits: { rows: BULK_MAX_ROWS, mb: BULK_MAX_BYTES / 1_000_000 }, batch };
};

/** A problem with the file as a whole answers in place of the preview. */
async function readingFile<T>(step: () => Promise<T>) {
	try {
		return await step();
	} catch (e) {
		if (e instanceof InputError) return fail(e.status, { fileError: { key: e.key as MessageKey, params: e instanceof BulkFileError ? e.params : {} } });
		throw e;
	}
}

export const actions: Actions = {
	/** Every row with its problems; the text comes back with the preview, so the server keeps nothing until the save. */
	preview: async (event) => {
		staffAction(event, OPERATORS);
		const file = (await formOf(event.request, event.locals.lang)).get('file');
		if (!(file instanceof File) || !file.size) return fail(400, { fileError: { key: 'errors.bulk_file_missing' as MessageKey, params: {} } });
		return readingFile(async () => {
			const csv = decodeCsv(new Uint8Array(await file.arrayBuffer()));
			return { fileName: file.name, csv, rows: await previewBulk(await database(), csv) };
		});
	},
	/** The previewed text again: all saved, then the batch's page (a reload cannot post it twice), or the preview with its problems. */
	save: async (event) => {
		const user = staffAction(event, OPERATORS);
		const form = await formOf(event.request, event.locals.lang);
		const upload = { text: String(form.get('csv') ?? ''), fileName: withoutNul(String(form.get('fileName') ?? '')).slice(0, 200) };
		const outcome = await readingFile(async () => saveBulk(await database(), upload, { accountId: user.id, address: event.getClientAddress() }));
		if ('batchId' in outcome) redirect(303, `/staff/intake/bulk?batch=${outcome.batchId}`);
		return 'refused' in outcome ? fail(400, { fileName: upload.fileName, csv: upload.text, rows: outcome.refused }) : outcome;
	}
};

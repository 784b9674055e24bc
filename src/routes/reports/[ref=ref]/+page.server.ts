import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { database } from '$lib/server/db/index.ts';
import { config } from '$lib/server/config.ts';
import { findReport, statusHistory } from '$lib/server/reports/read.ts';
import { openReportsNear } from '$lib/server/reports/nearby.ts';
import { photosOfReport } from '$lib/server/photos/store.ts';
import { mapVersion } from '$lib/server/map/version.ts';
import { addVote } from '$lib/server/votes/vote.ts';
import { limitVotes, voterFor } from '$lib/server/resident.ts';
import { InputError } from '$lib/server/errors.ts';
import { message } from '$lib/server/http.ts';
import { translate } from '$lib/i18n/index.ts';

/** Other open reports this close are listed as nearby. */
const NEARBY_ON_PAGE_METRES = 250;

export const load: PageServerLoad = async ({ params, url, locals }) => {
	const db = await database();
	const report = await findReport(db, { ref: params.ref });
	if (!report) error(404, translate(locals.lang, 'errors.report_not_found'));
	const [history, photos, nearby, version] = await Promise.all([
		statusHistory(db, report.id),
		photosOfReport(db, report.id),
		openReportsNear(db, report, { metres: NEARBY_ON_PAGE_METRES, limit: 7 }),
		mapVersion(db)
	]);
	return {
		report,
		history,
		photos,
		nearby: nearby.filter((r) => r.id !== report.id).slice(0, 6),
		version,
		created: url.searchParams.has('created'),
		mapStyleUrl: config().mapStyleUrl
	};
};

export const actions: Actions = {
	/** "Me too", as a plain form post so it works without JavaScript. */
	vote: async (event) => {
		const { params, cookies, locals } = event;
		const db = await database();
		const report = await findReport(db, { ref: params.ref });
		if (!report) error(404, translate(locals.lang, 'errors.report_not_found'));
		try {
			await limitVotes(event, db, report.id);
			const result = await addVote(db, { reportId: report.id, voterId: await voterFor(cookies) });
			return { voted: result };
		} catch (e) {
			if (e instanceof InputError) return fail(e.status, { voteError: message(locals.lang, e.key) });
			throw e;
		}
	}
};

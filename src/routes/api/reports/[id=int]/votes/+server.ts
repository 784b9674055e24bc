import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { database } from '$lib/server/db/index.ts';
import { addVote } from '$lib/server/votes/vote.ts';
import { limitVotes, voterFor } from '$lib/server/resident.ts';
import { answering } from '$lib/server/http.ts';

/** "Me too" from a script (the map, the report form's nearby list): idempotent per voter. */
export const POST: RequestHandler = (event) =>
	answering(event.locals.lang, async () => {
		const db = await database();
		const reportId = Number(event.params.id);
		await limitVotes(event, db, reportId);
		return json(await addVote(db, { reportId, voterId: await voterFor(event.cookies) }));
	});

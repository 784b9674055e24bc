import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { database } from '$lib/server/db/index.ts';
import { addVote } from '$lib/server/votes/vote.ts';
import { voterFor } from '$lib/server/resident.ts';
import { answering } from '$lib/server/http.ts';

/** "Me too" from a script (the map, the report form's nearby list): idempotent per voter. */
export const POST: RequestHandler = ({ params, cookies, getClientAddress, locals }) =>
	answering(locals.lang, async () => {
		const voterId = await voterFor(cookies, getClientAddress());
		return json(await addVote(await database(), { reportId: Number(params.id), voterId }));
	});

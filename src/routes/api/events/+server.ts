import type { RequestHandler } from './$types';
import { database } from '$lib/server/db/index.ts';
import { versionStream } from '$lib/server/map/version-stream.ts';

/** The map version as Server-Sent Events: maps, statistics and district pages follow it live. */
export const GET: RequestHandler = async () =>
	new Response(versionStream(await database()), {
		headers: { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache, no-transform', 'X-Accel-Buffering': 'no' }
	});

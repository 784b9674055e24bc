import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { database } from '$lib/server/db/index.ts';
import { mapVersion } from '$lib/server/map/version.ts';

/** Polled by the map to refetch tiles when reports change. */
export const GET: RequestHandler = async () =>
	json({ version: await mapVersion(await database()) }, { headers: { 'Cache-Control': 'no-cache' } });

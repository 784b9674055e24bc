import type { RequestHandler } from './$types';
import { database } from '$lib/server/db/index.ts';
import { listCategories } from '$lib/server/catalog/read.ts';
import { open311 } from '$lib/server/open311/handler.ts';
import { open311Error } from '$lib/server/open311/format.ts';

/** A service definition exists only for services with metadata; no category has extra attributes yet. */
export const GET: RequestHandler = ({ params }) =>
	open311(params.format, async (format) => {
		const known = (await listCategories(await database())).some((c) => c.code === params.code);
		return open311Error(format, 404, known ? `Service ${params.code} has no extra attributes (metadata is false), so no definition.` : `No service ${params.code}.`);
	});

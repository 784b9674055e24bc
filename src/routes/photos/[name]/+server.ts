import { error } from '@sveltejs/kit';
import { readFile } from 'node:fs/promises';
import type { RequestHandler } from './$types';
import { config } from '$lib/server/config.ts';
import { InputError } from '$lib/server/errors.ts';
import { photoPath } from '$lib/server/photos/store.ts';

/**
 * A stored photo (`?size=thumb` for the thumbnail). Names are random and never reused, so they cache
 * forever. Always WebP (re-encoded on upload); hooks.server.ts adds nosniff and a CSP that runs nothing.
 */
export const GET: RequestHandler = async ({ params, url }) => {
	let file: string;
	try {
		file = photoPath(config().uploadsDir, params.name, url.searchParams.get('size') === 'thumb' ? 'thumb' : 'full');
	} catch (e) {
		if (e instanceof InputError) error(404, 'No such photo');
		throw e;
	}
	const bytes = await readFile(file).catch(() => error(404, 'No such photo'));
	return new Response(bytes, {
		headers: { 'Content-Type': 'image/webp', 'Cache-Control': 'public, max-age=31536000, immutable' }
	});
};

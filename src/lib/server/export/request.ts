import { database } from '../db/index.ts';
import { InputError } from '../errors.ts';
import type { Database } from '../db/connect.ts';
import { parseExportFilters, type ExportFilters } from '../../domain/export-filters.ts';
import { byteStream } from './formats.ts';

/**
 * A download of the reports a URL asks for, in a format: checked filters (an InputError names what
 * is wrong), then a stream that is read from the database as the client takes it.
 */
export async function downloadResponse(
	url: URL,
	format: (database: Database, filters: ExportFilters) => AsyncGenerator<string | Uint8Array>,
	type: string,
	name: string
): Promise<Response> {
	const parsed = parseExportFilters(url.searchParams);
	if (!parsed.ok) throw new InputError(parsed.key, { field: parsed.field });
	const body = byteStream(format(await database(), parsed.filters));
	return new Response(body, {
		headers: { 'Content-Type': type, 'Content-Disposition': `attachment; filename="${name}"`, 'Cache-Control': 'no-cache' }
	});
}

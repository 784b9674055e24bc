import { database } from '../db/index.ts';
import { InputError } from '../errors.ts';
import { parseExportFilters } from '../../domain/export-filters.ts';
import { exportReports, type ExportedReport } from './reports.ts';
import { byteStream } from './formats.ts';

/**
 * A download of the reports a URL asks for, in a format: checked filters (an InputError names what
 * is wrong), then a stream that is read from the database as the client takes it.
 */
export async function downloadResponse(
	url: URL,
	format: (batches: AsyncGenerator<ExportedReport[]>) => AsyncGenerator<string>,
	type: string,
	name: string
): Promise<Response> {
	const parsed = parseExportFilters(url.searchParams);
	if (!parsed.ok) throw new InputError(parsed.key, { field: parsed.field });
	const body = byteStream(format(exportReports(await database(), parsed.filters)));
	return new Response(body, {
		headers: { 'Content-Type': type, 'Content-Disposition': `attachment; filename="${name}"`, 'Cache-Control': 'no-cache' }
	});
}

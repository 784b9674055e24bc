import { csvRecord } from '../../domain/csv.ts';
import type { Database } from '../db/connect.ts';
import type { ExportFilters } from '../../domain/export-filters.ts';
import { EXPORT_COLUMNS, exportQuery, exportReports, type ExportedReport } from './reports.ts';

/**
 * The reports as CSV (UTF-8, comma, quoted where needed, a header row, LF throughout as COPY writes
 * it): streamed by PostgreSQL's COPY where there is one, else written here from batches, byte for
 * byte the same (tested).
 */
export function reportsCsv(database: Database, filters: ExportFilters): AsyncGenerator<string | Uint8Array> {
	return database.copyCsv ? database.copyCsv(exportQuery(filters)) : csvOf(exportReports(database, filters));
}

/** CSV written from batches: a header row, then one record per report. */
export async function* csvOf(batches: AsyncGenerator<ExportedReport[]>): AsyncGenerator<string> {
	yield csvRecord(EXPORT_COLUMNS.map((c) => c.name), '\n');
	for await (const batch of batches) yield batch.map((report) => csvRecord(EXPORT_COLUMNS.map((c) => report[c.name]), '\n')).join('');
}

/** The reports as a GeoJSON FeatureCollection, written from batches on both databases. */
export function reportsGeoJson(database: Database, filters: ExportFilters): AsyncGenerator<string> {
	return geoJsonOf(exportReports(database, filters));
}

/**
 * A GeoJSON FeatureCollection (RFC 7946: WGS 84, longitude first, no `crs`), written as it is read.
 * Each feature's id is the report's reference and its properties are the CSV's columns.
 */
export async function* geoJsonOf(batches: AsyncGenerator<ExportedReport[]>): AsyncGenerator<string> {
	yield '{"type":"FeatureCollection","features":[';
	let first = true;
	for await (const batch of batches) {
		const features = batch.map((report) =>
			JSON.stringify({ type: 'Feature', id: report.id, geometry: { type: 'Point', coordinates: [report.lng, report.lat] }, properties: report })
		);
		yield (first ? '' : ',') + features.join(',');
		first = false;
	}
	yield ']}\n';
}

/**
 * Text pieces as a byte stream that asks for the next piece only when the client has taken the last
 * (backpressure), and stops the reading when the client goes away.
 */
export function byteStream(pieces: AsyncGenerator<string | Uint8Array>): ReadableStream<Uint8Array> {
	const encoder = new TextEncoder();
	return new ReadableStream(
		{
			async pull(controller) {
				const { value, done } = await pieces.next();
				if (done) controller.close();
				else controller.enqueue(typeof value === 'string' ? encoder.encode(value) : value);
			},
			async cancel() {
				await pieces.return(undefined);
			}
		},
		{ highWaterMark: 0 }
	);
}

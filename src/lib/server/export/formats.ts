import { csvRecord } from '../../domain/csv.ts';
import { EXPORT_COLUMNS, type ExportedReport } from './reports.ts';

/** CSV (RFC 4180, UTF-8, CRLF): a header row, then one record per report, batch after batch. */
export async function* csvOf(batches: AsyncGenerator<ExportedReport[]>): AsyncGenerator<string> {
	yield csvRecord(EXPORT_COLUMNS.map((c) => c.name));
	for await (const batch of batches) yield batch.map((report) => csvRecord(EXPORT_COLUMNS.map((c) => report[c.name]))).join('');
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
export function byteStream(pieces: AsyncGenerator<string>): ReadableStream<Uint8Array> {
	const encoder = new TextEncoder();
	return new ReadableStream(
		{
			async pull(controller) {
				const { value, done } = await pieces.next();
				if (done) controller.close();
				else controller.enqueue(encoder.encode(value));
			},
			async cancel() {
				await pieces.return(undefined);
			}
		},
		{ highWaterMark: 0 }
	);
}

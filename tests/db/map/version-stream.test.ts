import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/lib/server/db/connect.ts';
import { versionStream } from '../../../src/lib/server/map/version-stream.ts';
import { mapVersion } from '../../../src/lib/server/map/version.ts';
import { createReport } from '../../../src/lib/server/reports/create.ts';
import { newReportSchema } from '../../../src/lib/domain/report-input.ts';
import { testDatabase } from '../../support/database.ts';

let database: Database;
beforeAll(async () => {
	database = await testDatabase();
});

/** Reads the stream until an event of `version` greater than `after` arrives (or fails after `ms`). */
async function nextVersion(reader: ReadableStreamDefaultReader<Uint8Array>, after: number, ms = 4000): Promise<number> {
	const decoder = new TextDecoder();
	const deadline = Date.now() + ms;
	let text = '';
	while (Date.now() < deadline) {
		const { value, done } = await Promise.race([
			reader.read(),
			new Promise<{ value: undefined; done: boolean }>((r) => setTimeout(() => r({ value: undefined, done: false }), deadline - Date.now()))
		]);
		if (done) break;
		if (value) text += decoder.decode(value);
		const versions = [...text.matchAll(/event: version\ndata: (\d+)\n\n/g)].map((m) => Number(m[1]));
		const newer = versions.find((v) => v > after);
		if (newer !== undefined) return newer;
	}
	throw new Error(`no version after ${after} within ${ms} ms; read: ${JSON.stringify(text)}`);
}

describe('the map version as Server-Sent Events', () => {
	it('sends the current version at once, then each new one as a report is filed', async () => {
		const current = await mapVersion(database);
		const reader = versionStream(database).getReader();
		try {
			expect(await nextVersion(reader, current - 1)).toBe(current);
			await createReport(database, newReportSchema.parse({ type: 'problem', category: 'pothole', title: 'Na żywo', lng: 19.9372, lat: 50.0614 }));
			expect(await nextVersion(reader, current)).toBeGreaterThan(current);
		} finally {
			await reader.cancel();
		}
	});
});

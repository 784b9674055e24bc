import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '../../../src/lib/server/db/connect.ts';
import { createReport } from '../../../src/lib/server/reports/create.ts';
import { newReportSchema } from '../../../src/lib/domain/report-input.ts';
import { findRequest, listRequests, parseRequestQuery } from '../../../src/lib/server/open311/requests.ts';
import { InputError } from '../../../src/lib/server/errors.ts';
import { open311Validator } from '../../support/open311.ts';
import { clearReports, testDatabase } from '../../support/database.ts';

let database: Database;
const NOW = new Date('2026-04-15T12:00:00Z');
const query = (q: string) => parseRequestQuery(new URLSearchParams(q), NOW);

beforeAll(async () => {
	database = await testDatabase();
	await clearReports(database);
	const file = async (title: string, daysAgo: number, status: string, category = 'pothole') => {
		const { id } = await createReport(database, newReportSchema.parse({ type: 'problem', category, title, lng: 19.9372, lat: 50.0614 }));
		await database.db.execute(sql`UPDATE reports SET status = ${status}, created_at = ${NOW.toISOString()}::timestamptz - make_interval(days => ${daysAgo}) WHERE id = ${id}`);
	};
	await file('Nowa', 1, 'new');
	await file('Rozwiązana', 10, 'resolved');
	await file('Stara', 120, 'new');
	await file('Latarnia', 2, 'accepted', 'street_lighting');
});

describe('Open311 service requests', () => {
	it('default to the last 90 days, newest first, valid against the GeoReport v2 schema', async () => {
		const requests = await listRequests(database, query(''), 'pl', 'http://127.0.0.1');
		open311Validator('requests.json')(requests);
		expect(requests.map((r) => [r.status, r.service_code])).toEqual([['open', 'pothole'], ['open', 'street_lighting'], ['closed', 'pothole']]);
		expect(requests[0].service_name).toBe('Dziura w jezdni, uszkodzona droga');
	});

	it('filter by service code, status, dates, and page', async () => {
		expect(await listRequests(database, query('service_code=street_lighting'), 'en', '')).toHaveLength(1);
		expect((await listRequests(database, query('status=closed'), 'en', '')).map((r) => r.status)).toEqual(['closed']);
		expect(await listRequests(database, query('start_date=2025-12-01T00:00:00Z&end_date=2026-01-01T00:00:00+01:00'), 'en', '')).toHaveLength(1);
		expect(await listRequests(database, query('page_size=2&page=2'), 'en', '')).toHaveLength(1);
	});

	it('find one by its reference; a hidden one is not there', async () => {
		const [first] = await listRequests(database, query(''), 'en', '');
		expect(await findRequest(database, first.service_request_id, 'en', '')).toEqual(first);
		await database.db.execute(sql`UPDATE reports SET hidden = true WHERE public_ref = ${first.service_request_id}`);
		expect(await findRequest(database, first.service_request_id, 'en', '')).toBeUndefined();
	});

	it.each([
		'start_date=2026-03-01',
		'end_date=31.03.2026T10:00Z',
		// Dates PostgreSQL cannot read: year 0, and a zone that pushes a time past 9999.
		'start_date=0000-01-01T00:00:00Z',
		'end_date=9999-12-31T23:00:00-05:00',
		'page_size=1001',
		'page=-1',
		'status=open,pending',
		'service_code=A-B'
	])('refuse %s', (q) => {
		expect(() => query(q)).toThrow(InputError);
	});
});

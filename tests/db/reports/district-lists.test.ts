import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '../../../src/lib/server/db/connect.ts';
import { createReport } from '../../../src/lib/server/reports/create.ts';
import { newReportSchema } from '../../../src/lib/domain/report-input.ts';
import type { Status } from '../../../src/lib/domain/status.ts';
import { districtLists } from '../../../src/lib/server/reports/district-lists.ts';
import { clearReports, testDatabase } from '../../support/database.ts';

let database: Database;
const KROWODRZA = { lng: 19.92601, lat: 50.07305 };
const STARE_MIASTO = { lng: 19.9372, lat: 50.0614 };

/** A report filed `daysAgo` days before 15 April 2026 (noon, Kraków), with a status and votes. */
async function file(title: string, daysAgo: number, status: Status, at = KROWODRZA, votes = 0, hidden = false) {
	const { id } = await createReport(database, newReportSchema.parse({ type: 'problem', category: 'pothole', title, ...at }));
	await database.db.execute(sql`UPDATE reports SET status = ${status}, vote_count = ${votes}, hidden = ${hidden},
		created_at = ('2026-04-15 12:00'::timestamp AT TIME ZONE 'Europe/Warsaw') - make_interval(days => ${daysAgo})
		WHERE id = ${id}`);
}

beforeAll(async () => {
	database = await testDatabase();
	await clearReports(database);
	await file('Nowe dziś', 0, 'new');
	await file('Rozwiązane wczoraj', 1, 'resolved');
	await file('Otwarte 10 dni', 10, 'accepted', KROWODRZA, 1);
	await file('Otwarte 31 dni', 31, 'forwarded', KROWODRZA, 2);
	await file('Otwarte 45 dni, popierane', 45, 'in_progress', KROWODRZA, 9);
	await file('Otwarte 200 dni', 200, 'new');
	await file('Otwarte 30 dni', 30, 'new');
	await file('Ukryte stare', 300, 'new', KROWODRZA, 0, true);
	await file('Inna dzielnica', 400, 'new', STARE_MIASTO);
});

describe('a district’s lists', () => {
	it('newest first, its own visible reports only', async () => {
		const lists = await districtLists(database, 5, 30, '2026-04-15');
		expect(lists.newest.map((r) => r.title)).toEqual(['Nowe dziś', 'Rozwiązane wczoraj', 'Otwarte 10 dni', 'Otwarte 30 dni', 'Otwarte 31 dni', 'Otwarte 45 dni, popierane', 'Otwarte 200 dni']);
		expect(new Set(lists.newest.map((r) => r.districtName))).toEqual(new Set(['Krowodrza']));
	});

	it('open the longest, oldest first', async () => {
		const lists = await districtLists(database, 5, 30, '2026-04-15');
		expect(lists.oldestOpen.map((r) => r.title)).toEqual(['Otwarte 200 dni', 'Otwarte 45 dni, popierane', 'Otwarte 31 dni', 'Otwarte 30 dni', 'Otwarte 10 dni', 'Nowe dziś']);
	});

	it('overdue: open longer than the limit, the most supported first, counted from the summary', async () => {
		const lists = await districtLists(database, 5, 30, '2026-04-15');
		expect(lists.overdue.map((r) => r.title)).toEqual(['Otwarte 45 dni, popierane', 'Otwarte 31 dni', 'Otwarte 200 dni']);
		expect(lists.overdueCount).toBe(3);
		const stricter = await districtLists(database, 5, 100, '2026-04-15');
		expect(stricter.overdue.map((r) => r.title)).toEqual(['Otwarte 200 dni']);
		expect(stricter.overdueCount).toBe(1);
	});
});

import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '../../../src/lib/server/db/connect.ts';
import { createReport } from '../../../src/lib/server/reports/create.ts';
import { newReportSchema } from '../../../src/lib/domain/report-input.ts';
import type { Status } from '../../../src/lib/domain/status.ts';
import { addVote } from '../../../src/lib/server/votes/vote.ts';
import { clearReports, testDatabase } from '../../support/database.ts';

let database: Database;

async function file(changes: { status?: Status; hidden?: boolean } = {}): Promise<number> {
	const { id } = await createReport(
		database,
		newReportSchema.parse({ type: 'problem', category: 'pothole', title: 'Dziura przy Rynku', lng: 19.9372, lat: 50.0614 })
	);
	await database.db.execute(sql`UPDATE reports SET status = ${changes.status ?? 'new'}, hidden = ${changes.hidden ?? false} WHERE id = ${id}`);
	return id;
}

const markDuplicate = (id: number, of: number) =>
	database.db.execute(sql`UPDATE reports SET status = 'duplicate', duplicate_of_id = ${of} WHERE id = ${id}`);

/** The stored counter next to the rows it counts. */
async function tally(id: number) {
	const [row] = await database.rows<{ counter: number; rows: number }>(sql`
		SELECT vote_count AS counter, (SELECT count(*)::int FROM votes WHERE report_id = ${id}) AS rows FROM reports WHERE id = ${id}`);
	return row;
}

beforeAll(async () => {
	database = await testDatabase();
});
beforeEach(() => clearReports(database));

describe('me-too votes', () => {
	it('count once per voter', async () => {
		const id = await file();
		expect(await addVote(database, { reportId: id, voterId: 'ala' })).toEqual({ reportId: id, votes: 1, counted: true });
		expect(await addVote(database, { reportId: id, voterId: 'ala' })).toEqual({ reportId: id, votes: 1, counted: false });
		expect(await tally(id)).toEqual({ counter: 1, rows: 1 });
		expect(await addVote(database, { reportId: id, voterId: 'ola' })).toEqual({ reportId: id, votes: 2, counted: true });
		expect(await tally(id)).toEqual({ counter: 2, rows: 2 });
	});

	it('are taken on every open status', async () => {
		for (const status of ['accepted', 'forwarded', 'in_progress'] as const) {
			const id = await file({ status });
			expect(await addVote(database, { reportId: id, voterId: 'ala' })).toMatchObject({ votes: 1, counted: true });
		}
	});

	it('on a duplicate go to the report it repeats, following a chain, once per voter', async () => {
		const original = await file({ status: 'in_progress' });
		const duplicate = await file();
		const duplicateOfDuplicate = await file();
		await markDuplicate(duplicate, original);
		await markDuplicate(duplicateOfDuplicate, duplicate);

		expect(await addVote(database, { reportId: duplicate, voterId: 'ala' })).toEqual({ reportId: original, votes: 1, counted: true });
		expect(await addVote(database, { reportId: duplicateOfDuplicate, voterId: 'ola' })).toEqual({ reportId: original, votes: 2, counted: true });
		expect(await addVote(database, { reportId: original, voterId: 'ala' })).toEqual({ reportId: original, votes: 2, counted: false });
		expect(await tally(duplicate)).toEqual({ counter: 0, rows: 0 });
		expect(await tally(original)).toEqual({ counter: 2, rows: 2 });
	});

	it('answer 404 for a hidden or missing report, and write nothing', async () => {
		const hidden = await file({ hidden: true });
		for (const reportId of [hidden, hidden + 1000, 0, -1, 1.5, Number.NaN]) {
			await expect(addVote(database, { reportId, voterId: 'ala' })).rejects.toMatchObject({ key: 'errors.report_not_found', status: 404 });
		}
		expect(await tally(hidden)).toEqual({ counter: 0, rows: 0 });
	});

	it('are refused with 409 on closed reports, since there is nothing left to ask the city for', async () => {
		for (const status of ['resolved', 'rejected', 'not_competent', 'duplicate'] as const) {
			const id = await file({ status });
			await expect(addVote(database, { reportId: id, voterId: 'ala' })).rejects.toMatchObject({ key: 'errors.vote_closed', status: 409 });
			expect(await tally(id)).toEqual({ counter: 0, rows: 0 });
		}
	});

	it('on a duplicate are refused when the report it repeats is closed or hidden, or the links go round', async () => {
		const resolved = await file({ status: 'resolved' });
		const hidden = await file({ hidden: true });
		const [a, b, c, self] = [await file(), await file(), await file(), await file()];
		await markDuplicate(a, resolved);
		await markDuplicate(b, hidden);
		await markDuplicate(c, self);
		await markDuplicate(self, self);
		for (const reportId of [a, b, c, self]) {
			await expect(addVote(database, { reportId, voterId: 'ala' })).rejects.toMatchObject({ key: 'errors.vote_closed', status: 409 });
		}
		const [{ votes }] = await database.rows<{ votes: number }>(sql`SELECT count(*)::int AS votes FROM votes`);
		expect(votes).toBe(0);
	});

	it('stop following a chain of duplicates after a few links', async () => {
		const chain = [await file()];
		for (let i = 0; i < 6; i++) {
			const next = await file();
			await markDuplicate(next, chain[0]);
			chain.unshift(next);
		}
		// chain[0] is 6 links from the open report; chain[1] is 5.
		expect(await addVote(database, { reportId: chain[1], voterId: 'ala' })).toMatchObject({ reportId: chain[6], counted: true });
		await expect(addVote(database, { reportId: chain[0], voterId: 'ola' })).rejects.toMatchObject({ key: 'errors.vote_closed' });
	});

	it('keep the counter equal to the rows when many arrive at once', async () => {
		const id = await file();
		const voters = Array.from({ length: 10 }, (_, i) => `voter-${i}`);
		const results = await Promise.all([...voters, ...voters].map((voterId) => addVote(database, { reportId: id, voterId })));
		expect(results.filter((r) => r.counted)).toHaveLength(10);
		expect(Math.max(...results.map((r) => r.votes))).toBe(10);
		expect(await tally(id)).toEqual({ counter: 10, rows: 10 });
	});

	it('leave the map and the statistics as they were', async () => {
		const id = await file();
		const state = () =>
			database.rows(sql`SELECT (SELECT version FROM map_version) AS version,
				(SELECT json_agg(c ORDER BY c.month, c.district_id, c.category_id, c.channel, c.status) FROM report_counts c) AS counts,
				(SELECT json_agg(c ORDER BY c.x, c.y, c.district_id, c.category_id, c.status) FROM report_cells c) AS cells`);
		const before = await state();
		await addVote(database, { reportId: id, voterId: 'ala' });
		await addVote(database, { reportId: id, voterId: 'ala' });
		expect(await state()).toEqual(before);
	});
});

import { sql } from 'drizzle-orm';
import { rowsOf, type Database, type Db } from '../db/connect.ts';
import { InputError } from '../errors.ts';
import { isOpen, type Status } from '../../domain/status.ts';

export interface VoteResult {
	/** The report that holds the vote: the one voted on, or the original it duplicates. */
	reportId: number;
	votes: number;
	/** False when this voter had already voted for it. */
	counted: boolean;
}

// A duplicate normally points straight at an open original; a longer chain is a mistake to stop at.
const MAX_HOPS = 5;

type Executor = Pick<Db, 'execute'>;

/**
 * Records one "me too". Idempotent per voter and report; the vote row and the counter change in
 * one transaction, so vote_count always equals the number of votes, whatever runs concurrently.
 */
export async function addVote(database: Database, vote: { reportId: number; voterId: string }): Promise<VoteResult> {
	return database.db.transaction(async (tx) => {
		const reportId = await votedReport(tx, vote.reportId);
		const inserted = await rowsOf(
			tx,
			sql`INSERT INTO votes (report_id, voter_id) VALUES (${reportId}, ${vote.voterId}) ON CONFLICT DO NOTHING RETURNING 1`
		);
		const [{ votes }] = await rowsOf<{ votes: number }>(
			tx,
			inserted.length > 0
				? sql`UPDATE reports SET vote_count = vote_count + 1 WHERE id = ${reportId} RETURNING vote_count AS votes`
				: sql`SELECT vote_count AS votes FROM reports WHERE id = ${reportId}`
		);
		return { reportId, votes, counted: inserted.length > 0 };
	});
}

/**
 * The report a vote on `reportId` belongs to. Only open reports take votes: a vote asks the city
 * to act, and on a closed report it would only inflate a number nobody acts on (a problem that is
 * back gets the report reopened or reported anew). A duplicate passes its votes on to the report
 * it repeats; one with nowhere visible to pass them to is just closed.
 */
async function votedReport(tx: Executor, reportId: number): Promise<number> {
	if (!Number.isSafeInteger(reportId) || reportId < 1) throw notFound();
	const seen = new Set<number>();
	for (let id = reportId; ; ) {
		seen.add(id);
		const [report] = await rowsOf<{ status: Status; hidden: boolean; duplicateOf: number | null }>(
			tx,
			// Locked: a vote waits for a duplicate merge in progress and then follows it to the original. Not
			// FOR SHARE: two votes sharing the row would each wait for the other to raise vote_count.
			sql`SELECT status, hidden, duplicate_of_id::int AS "duplicateOf" FROM reports WHERE id = ${id} FOR NO KEY UPDATE`
		);
		if (!report) throw notFound();
		// A hidden report answers like a missing one, so the API does not reveal what moderators removed.
		if (report.hidden) throw id === reportId ? notFound() : closed();
		const next = report.status === 'duplicate' ? report.duplicateOf : null;
		if (next !== null && !seen.has(next) && seen.size <= MAX_HOPS) {
			id = next;
			continue;
		}
		if (!isOpen(report.status)) throw closed();
		return id;
	}
}

const notFound = () => new InputError('errors.report_not_found', { status: 404 });
const closed = () => new InputError('errors.vote_closed', { status: 409 });

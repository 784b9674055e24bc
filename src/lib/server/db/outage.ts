import type { Database, Transaction } from './connect.ts';

/**
 * Whether an error means the database could not be reached or went away mid-query (a restart, a
 * network cut), as opposed to a bug or bad data: such a request answers 503 and may be retried.
 * drizzle wraps driver errors as `cause`, so the whole chain is looked at.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
	for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
		const code = (e as { code?: unknown }).code;
		if (typeof code !== 'string') continue;
		if (DRIVER_CODES.has(code) || SOCKET_CODES.has(code)) return true;
		// SQLSTATE class 08: connection exceptions; 57P01–57P03: the server is shutting down, crashed or starting up.
		if (/^08[0-9A-Z]{3}$/.test(code) || /^57P0[123]$/.test(code)) return true;
	}
	return false;
}

/** What postgres-js reports when a connection closes, is ended, or cannot open in time. */
const DRIVER_CODES = new Set(['CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', 'CONNECT_TIMEOUT']);
/** Node's socket errors on the way to the server. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

/**
 * A write whose COMMIT was sent but whose answer was lost with the connection: it may have been
 * saved. The app says so instead of claiming a failure it cannot know.
 */
export class OutcomeUnknownError extends Error {
	constructor(cause: unknown) {
		super('The database connection was lost before the commit was confirmed; the write may have been saved.', { cause });
		this.name = 'OutcomeUnknownError';
	}
}


/**
 * How long a write may take before the resident is told its outcome is unknown. Rarely, a transaction
 * whose connection is lost mid-way never settles in postgres-js 3.4.9 (the connection is handed to
 * another query while the transaction still holds it: porsager/postgres#1168's discussion); nobody
 * must wait for it.
 */
export const TRANSACTION_DEADLINE_MS = 4000;

/**
 * A transaction that tells a lost connection during COMMIT, or no answer by the deadline
 * (OutcomeUnknownError: perhaps saved), from one lost before it (the error as thrown: nothing was saved).
 */
export async function transactionKnowingOutcome<T>(database: Database, work: (tx: Transaction) => Promise<T>): Promise<T> {
	let committing = false;
	const running = database.db.transaction(async (tx) => {
		const result = await work(tx);
		committing = true;
		return result;
	});
	try {
		return await within(running, TRANSACTION_DEADLINE_MS, () => new OutcomeUnknownError(new Error(`no answer within ${TRANSACTION_DEADLINE_MS} ms`)));
	} catch (e) {
		throw committing && isDatabaseUnavailable(e) ? new OutcomeUnknownError(e) : e;
	}
}

/**
 * A read shared by many requests (a figure computed once per map version) that has not answered
 * by the deadline: the same stuck connection as above can hold it, and every viewer waiting on it.
 * Counted as the database being away (503), and not remembered.
 */
export const answerInTime = <T>(reading: Promise<T>): Promise<T> =>
	within(reading, TRANSACTION_DEADLINE_MS, () => Object.assign(new Error(`the database gave no answer within ${TRANSACTION_DEADLINE_MS} ms`), { code: 'ETIMEDOUT' }));

/** `promise`, or `late()` thrown if it has not settled after `ms`; settling later surfaces nowhere. */
async function within<T>(promise: Promise<T>, ms: number, late: () => Error): Promise<T> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	promise.catch(() => undefined);
	try {
		return await Promise.race([promise, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(late()), ms)))]);
	} finally {
		clearTimeout(timer);
	}
}

import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { rowsOf, type Database } from '../db/connect.ts';
import { InputError } from '../errors.ts';
import { withoutNul } from '../../domain/report-types.ts';
import { decoyHash, verifyPassword } from './passwords.ts';
import { staffUserColumns, type StaffUser } from './accounts.ts';
import { audit } from './audit.ts';
import { addressKey } from '../rate-limits.ts';

/** A working day and some: a session ends this long after login, whatever happens. */
export const SESSION_HOURS = 12;
/** Failed logins allowed in LOGIN_WINDOW_MINUTES, per address typed and per client address. */
export const FAILURES_PER_ACCOUNT = 5;
export const FAILURES_PER_ADDRESS = 20;
export const LOGIN_WINDOW_MINUTES = 15;

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Checks an e-mail and password and opens a session: the token for the cookie, once. Refuses with
 * 429 once an account or a client address has failed too often lately (counted in the database, so
 * the limit holds across app processes), and with 401 for a wrong address or password alike.
 */
export async function logIn(database: Database, email: string, password: string, address: string): Promise<{ token: string; user: StaffUser }> {
	const typed = withoutNul(email).trim().slice(0, 254);
	const client = addressKey(address);
	// Count, check and record under locks on the account and the address (always in that order, so two
	// logins cannot deadlock): parallel attempts queue here instead of all passing the count at once.
	type Outcome = { refused: 'errors.login_rate' | 'errors.login_failed'; status: number } | { token: string; user: StaffUser };
	const outcome = await database.db.transaction(async (tx): Promise<Outcome> => {
		await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('login:' || lower(${typed}))), pg_advisory_xact_lock(hashtext('login-from:' || ${client}))`);
		const [{ byAccount, byAddress }] = await rowsOf<{ byAccount: number; byAddress: number }>(
			tx,
			sql`SELECT count(*) FILTER (WHERE lower(email) = lower(${typed}))::int AS "byAccount", count(*) FILTER (WHERE address = ${client})::int AS "byAddress"
				FROM login_failures WHERE at > now() - make_interval(mins => ${LOGIN_WINDOW_MINUTES}) AND (lower(email) = lower(${typed}) OR address = ${client})`
		);
		if (byAccount >= FAILURES_PER_ACCOUNT || byAddress >= FAILURES_PER_ADDRESS) {
			await audit(tx, { accountId: null, action: 'login_refused', address, details: { email: typed, reason: 'rate_limited' } });
			return { refused: 'errors.login_rate', status: 429 };
		}
		const [account] = await rowsOf<StaffUser & { passwordHash: string }>(
			tx,
			sql`SELECT ${staffUserColumns}, s.password_hash AS "passwordHash" FROM staff_accounts s LEFT JOIN departments d ON d.id = s.department_id
				WHERE lower(s.email) = lower(${typed}) AND s.disabled_at IS NULL`
		);
		const valid = await verifyPassword(account?.passwordHash ?? (await decoyHash()), password);
		if (!account || !valid) {
			await tx.execute(sql`INSERT INTO login_failures (email, address) VALUES (${typed}, ${client})`);
			await audit(tx, { accountId: account?.id ?? null, action: 'login_refused', address, details: { email: typed } });
			return { refused: 'errors.login_failed', status: 401 };
		}
		const token = randomBytes(32).toString('base64url');
		await tx.execute(sql`INSERT INTO staff_sessions (token_hash, account_id, expires_at)
			VALUES (${hashOf(token)}, ${account.id}, now() + make_interval(hours => ${SESSION_HOURS}))`);
		await tx.execute(sql`DELETE FROM login_failures WHERE lower(email) = lower(${typed})`);
		// Expired sessions and old failures (of unknown addresses too) go as someone logs in.
		await tx.execute(sql`DELETE FROM staff_sessions WHERE expires_at < now()`);
		await tx.execute(sql`DELETE FROM login_failures WHERE at < now() - interval '1 day'`);
		await audit(tx, { accountId: account.id, action: 'login', address });
		const { passwordHash: _, ...user } = account;
		return { token, user };
	});
	// Thrown after the commit, so the failure stays counted.
	if ('refused' in outcome) throw new InputError(outcome.refused, { status: outcome.status });
	return outcome;
}

/** The staff member a session cookie belongs to, or null (no such session, expired, or the account disabled). */
export async function sessionUser(database: Database, token: string | undefined): Promise<StaffUser | null> {
	if (!token || !TOKEN_PATTERN.test(token)) return null;
	const [user] = await rowsOf<StaffUser>(
		database.db,
		sql`SELECT ${staffUserColumns} FROM staff_sessions x JOIN staff_accounts s ON s.id = x.account_id LEFT JOIN departments d ON d.id = s.department_id
			WHERE x.token_hash = ${hashOf(token)} AND x.expires_at > now() AND s.disabled_at IS NULL`
	);
	return user ?? null;
}

/** Ends this session, or every session of its account. */
export async function logOut(database: Database, token: string, user: StaffUser, everywhere: boolean, address: string): Promise<void> {
	await database.db.transaction(async (tx) => {
		await tx.execute(everywhere ? sql`DELETE FROM staff_sessions WHERE account_id = ${user.id}` : sql`DELETE FROM staff_sessions WHERE token_hash = ${hashOf(token)}`);
		await audit(tx, { accountId: user.id, action: everywhere ? 'logout_everywhere' : 'logout', address });
	});
}

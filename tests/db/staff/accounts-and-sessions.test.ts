import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '../../../src/lib/server/db/connect.ts';
import { createAccount, disableAccount } from '../../../src/lib/server/staff/accounts.ts';
import { FAILURES_PER_ACCOUNT, FAILURES_PER_ADDRESS, logIn, logOut, sessionUser } from '../../../src/lib/server/staff/sessions.ts';
import { listAudit } from '../../../src/lib/server/staff/audit.ts';
import { testDatabase } from '../../support/database.ts';
import { clearStaff, PASSWORD } from '../../support/staff.ts';

let database: Database;
const by = { accountId: null };

beforeAll(async () => (database = await testDatabase()));
beforeEach(() => clearStaff(database));

describe('staff accounts', () => {
	it('keep an argon2id hash, never the password', async () => {
		const id = await createAccount(database, { email: 'Operator@kck.example', name: 'Anna Operator', role: 'operator', password: PASSWORD }, by);
		const [row] = await database.rows<{ hash: string }>(sql`SELECT password_hash AS hash FROM staff_accounts WHERE id = ${id}`);
		expect(row.hash).toMatch(/^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$/);
		expect(row.hash).not.toContain(PASSWORD);
	});

	it.each([
		['a short password', { password: 'short' }, 'errors.password_short'],
		['a department user without a department', { role: 'department' }, 'errors.staff_department'],
		['an unknown role', { role: 'boss' }, 'errors.staff_role'],
		['a malformed address', { email: 'anna@' }, 'errors.email']
	])('refuse %s', async (_, change, key) => {
		const account = { email: 'anna@kck.example', name: 'Anna', role: 'operator', password: PASSWORD, ...change } as Parameters<typeof createAccount>[1];
		await expect(createAccount(database, account, by)).rejects.toMatchObject({ key });
	});

	it('are unique by address, whatever its case', async () => {
		await createAccount(database, { email: 'anna@kck.example', name: 'Anna', role: 'operator', password: PASSWORD }, by);
		await expect(createAccount(database, { email: 'ANNA@kck.example', name: 'Anna', role: 'admin', password: PASSWORD }, by)).rejects.toMatchObject({ status: 409 });
	});
});

describe('logging in', () => {
	beforeEach(async () => {
		await createAccount(database, { email: 'anna@kck.example', name: 'Anna', role: 'department', department: 'zzm', password: PASSWORD }, by);
	});

	it('opens a session whose cookie token is stored only as a hash; logging out ends it, or all of them', async () => {
		const { token, user } = await logIn(database, 'Anna@KCK.example', PASSWORD, '10.0.0.1');
		expect(user).toMatchObject({ email: 'anna@kck.example', role: 'department', departmentCode: 'zzm' });
		const [{ stored }] = await database.rows<{ stored: string }>(sql`SELECT token_hash AS stored FROM staff_sessions`);
		expect(stored).not.toBe(token);
		expect(await sessionUser(database, token)).toMatchObject({ id: user.id });

		const second = await logIn(database, 'anna@kck.example', PASSWORD, '10.0.0.2');
		await logOut(database, token, user, false, '10.0.0.1');
		expect(await sessionUser(database, token)).toBeNull();
		expect(await sessionUser(database, second.token)).not.toBeNull();
		const third = await logIn(database, 'anna@kck.example', PASSWORD, '10.0.0.3');
		await logOut(database, third.token, user, true, '10.0.0.3');
		expect(await sessionUser(database, second.token)).toBeNull();
		expect((await listAudit(database, { accountId: user.id })).map((e) => e.action)).toEqual(['logout_everywhere', 'login', 'logout', 'login', 'login']);
	});

	it('ends with the session’s expiry, or when the account is disabled', async () => {
		const { token, user } = await logIn(database, 'anna@kck.example', PASSWORD, '10.0.0.1');
		await database.db.execute(sql`UPDATE staff_sessions SET expires_at = now() - interval '1 second'`);
		expect(await sessionUser(database, token)).toBeNull();
		const again = await logIn(database, 'anna@kck.example', PASSWORD, '10.0.0.1');
		const admin = await createAccount(database, { email: 'admin@kck.example', name: 'Admin', role: 'admin', password: PASSWORD }, by);
		await disableAccount(database, user.id, { accountId: admin });
		expect(await sessionUser(database, again.token)).toBeNull();
		await expect(logIn(database, 'anna@kck.example', PASSWORD, '10.0.0.1')).rejects.toMatchObject({ status: 401 });
	});

	it('answers a wrong password and an unknown address alike', async () => {
		await expect(logIn(database, 'anna@kck.example', 'wrong password!', '10.0.0.1')).rejects.toMatchObject({ status: 401, key: 'errors.login_failed' });
		await expect(logIn(database, 'nobody@kck.example', PASSWORD, '10.0.0.1')).rejects.toMatchObject({ status: 401, key: 'errors.login_failed' });
		// A NUL, which PostgreSQL cannot store, is no database error either.
		await expect(logIn(database, 'nobody\u0000@kck.example', PASSWORD, '10.0.0.1')).rejects.toMatchObject({ status: 401, key: 'errors.login_failed' });
	});

	it('holds the limit when the attempts come all at once', async () => {
		const answers = await Promise.allSettled(Array.from({ length: 30 }, (_, i) => logIn(database, 'anna@kck.example', 'wrong', `10.0.9.${i}`)));
		const statuses = answers.map((a) => (a.status === 'rejected' ? (a.reason as { status: number }).status : 200));
		expect(statuses.filter((s) => s === 401)).toHaveLength(FAILURES_PER_ACCOUNT);
		expect(statuses.filter((s) => s === 429)).toHaveLength(30 - FAILURES_PER_ACCOUNT);
	});

	it('limits failures per account and per client address, in the database', async () => {
		for (let i = 0; i < FAILURES_PER_ACCOUNT; i++) await expect(logIn(database, 'anna@kck.example', 'wrong', `10.0.1.${i}`)).rejects.toMatchObject({ status: 401 });
		// Even the right password waits now: the limit is per account, from any address.
		await expect(logIn(database, 'anna@kck.example', PASSWORD, '10.0.2.1')).rejects.toMatchObject({ status: 429, key: 'errors.login_rate' });

		for (let i = 0; i < FAILURES_PER_ADDRESS; i++) await expect(logIn(database, `guess${i}@kck.example`, 'wrong', '10.0.3.1')).rejects.toMatchObject({ status: 401 });
		await expect(logIn(database, 'other@kck.example', 'whatever', '10.0.3.1')).rejects.toMatchObject({ status: 429 });

		await database.db.execute(sql`UPDATE login_failures SET at = at - interval '16 minutes'`);
		await expect(logIn(database, 'anna@kck.example', PASSWORD, '10.0.2.1')).resolves.toMatchObject({ user: { email: 'anna@kck.example' } });
	});
});

import { sql } from 'drizzle-orm';
import type { Database } from '../../src/lib/server/db/connect.ts';
import { createAccount } from '../../src/lib/server/staff/accounts.ts';
import { sessionUser, logIn } from '../../src/lib/server/staff/sessions.ts';
import type { StaffUser } from '../../src/lib/server/staff/accounts.ts';

export const PASSWORD = 'correct horse battery staple';

/** Removes every staff account, session and audit entry (and the reports' links to them). */
export async function clearStaff(database: Database): Promise<void> {
	await database.db.execute(sql`UPDATE reports SET entered_by_id = NULL, intake_batch_id = NULL WHERE entered_by_id IS NOT NULL OR intake_batch_id IS NOT NULL`);
	await database.db.execute(sql`UPDATE status_changes SET account_id = NULL WHERE account_id IS NOT NULL`);
	await database.db.execute(sql`TRUNCATE staff_sessions, login_failures, staff_audit, intake_batches, staff_accounts RESTART IDENTITY CASCADE`);
}

/** A staff member of `role` (a department user of `department`), signed in. */
export async function staffMember(database: Database, email: string, role: 'operator' | 'department' | 'admin', department?: string): Promise<StaffUser> {
	await createAccount(database, { email, name: email.split('@')[0], role, department, password: PASSWORD }, { accountId: null });
	const { token } = await logIn(database, email, PASSWORD, '127.0.0.1');
	return (await sessionUser(database, token))!;
}

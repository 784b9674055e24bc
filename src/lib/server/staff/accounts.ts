import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { rowsOf, type Database } from '../db/connect.ts';
import { InputError } from '../errors.ts';
import { STAFF_ROLES, type StaffRole } from '../../domain/staff.ts';
import { hashPassword, PASSWORD_MAX, PASSWORD_MIN } from './passwords.ts';
import { audit } from './audit.ts';

/** A signed-in staff member, as pages and actions see them. */
export interface StaffUser {
	id: number;
	email: string;
	name: string;
	role: StaffRole;
	departmentId: number | null;
	departmentCode: string | null;
	departmentPl: string | null;
	departmentEn: string | null;
}

/** The columns of a StaffUser, from staff_accounts `s` and departments `d`. */
export const staffUserColumns = sql`s.id, s.email, s.name, s.role, s.department_id AS "departmentId", d.code AS "departmentCode",
	d.name_pl AS "departmentPl", d.name_en AS "departmentEn"`;

/** A new account as an admin (or the first-admin command) gives it. Messages are i18n keys. */
export const newAccountSchema = z.object({
	email: z.string().trim().max(254, 'errors.email').pipe(z.email('errors.email')),
	name: z.string().trim().min(2, 'errors.staff_name').max(100, 'errors.staff_name'),
	role: z.enum(STAFF_ROLES, 'errors.staff_role'),
	department: z.string().trim().optional(),
	password: z.string().min(PASSWORD_MIN, 'errors.password_short').max(PASSWORD_MAX, 'errors.password_long')
});
export type NewAccount = z.input<typeof newAccountSchema>;

/** Creates an account; a department user needs a department, others have none. Throws InputError naming the field. */
export async function createAccount(database: Database, input: NewAccount, by: { accountId: number | null; address?: string | null }): Promise<number> {
	const parsed = newAccountSchema.safeParse(input);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		throw new InputError(issue.message, { field: String(issue.path[0]) });
	}
	const account = parsed.data;
	let departmentId: number | null = null;
	if (account.role === 'department') {
		const [department] = await rowsOf<{ id: number }>(database.db, sql`SELECT id FROM departments WHERE code = ${account.department ?? ''}`);
		if (!department) throw new InputError('errors.staff_department', { field: 'department' });
		departmentId = department.id;
	}
	const passwordHash = await hashPassword(account.password);
	return database.db.transaction(async (tx) => {
		const [taken] = await rowsOf(tx, sql`SELECT 1 FROM staff_accounts WHERE lower(email) = lower(${account.email})`);
		if (taken) throw new InputError('errors.staff_email_taken', { status: 409, field: 'email' });
		const [row] = await rowsOf<{ id: number }>(
			tx,
			sql`INSERT INTO staff_accounts (email, name, role, department_id, password_hash)
				VALUES (${account.email}, ${account.name}, ${account.role}, ${departmentId}, ${passwordHash}) RETURNING id`
		);
		await audit(tx, { accountId: by.accountId, action: 'account_create', address: by.address, details: { id: row.id, email: account.email, role: account.role, department: account.department ?? null } });
		return row.id;
	});
}

export interface AccountRow extends StaffUser {
	createdAt: string;
	disabled: boolean;
}

export async function listAccounts(database: Database): Promise<AccountRow[]> {
	return rowsOf<AccountRow>(
		database.db,
		sql`SELECT ${staffUserColumns}, s.created_at::text AS "createdAt", s.disabled_at IS NOT NULL AS disabled
			FROM staff_accounts s LEFT JOIN departments d ON d.id = s.department_id ORDER BY s.disabled_at IS NOT NULL, s.email`
	);
}

/** Disables an account and ends its sessions at once. An admin cannot disable themselves (someone must stay). */
export async function disableAccount(database: Database, id: number, by: { accountId: number; address?: string | null }): Promise<void> {
	if (id === by.accountId) throw new InputError('errors.staff_disable_self', { status: 409 });
	await database.db.transaction(async (tx) => {
		const changed = await rowsOf(tx, sql`UPDATE staff_accounts SET disabled_at = now() WHERE id = ${id} AND disabled_at IS NULL RETURNING id`);
		if (!changed.length) throw new InputError('errors.staff_account_unknown', { status: 404 });
		await tx.execute(sql`DELETE FROM staff_sessions WHERE account_id = ${id}`);
		await audit(tx, { accountId: by.accountId, action: 'account_disable', address: by.address, details: { id } });
	});
}

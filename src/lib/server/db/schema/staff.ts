import { bigint, bigserial, check, index, integer, pgTable, serial, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { timestamptz } from './columns.ts';
import { departments } from './departments.ts';
import { literals } from '../literals.ts';
import { STAFF_ROLES } from '../../../domain/staff.ts';

/** KCK operators, department staff and admins. There is no public sign-up: admins create accounts. */
export const staffAccounts = pgTable(
	'staff_accounts',
	{
		id: serial('id').primaryKey(),
		email: text('email').notNull(),
		name: text('name').notNull(),
		role: text('role').notNull(),
		// A department user sees and updates that department's reports only.
		departmentId: integer('department_id').references(() => departments.id),
		// argon2id, in its PHC string form (algorithm, parameters, salt and hash together).
		passwordHash: text('password_hash').notNull(),
		createdAt: timestamptz('created_at').notNull().defaultNow(),
		disabledAt: timestamptz('disabled_at')
	},
	(t) => [
		check('staff_accounts_role_check', sql`${t.role} in (${literals(STAFF_ROLES)})`),
		check('staff_accounts_department_check', sql`(${t.role} = 'department') = (${t.departmentId} IS NOT NULL)`),
		uniqueIndex('staff_accounts_email_idx').on(sql`lower(${t.email})`)
	]
);

/** A signed-in browser: the cookie holds a random token, the table only its SHA-256. */
export const staffSessions = pgTable(
	'staff_sessions',
	{
		tokenHash: text('token_hash').primaryKey(),
		accountId: integer('account_id')
			.notNull()
			.references(() => staffAccounts.id, { onDelete: 'cascade' }),
		createdAt: timestamptz('created_at').notNull().defaultNow(),
		expiresAt: timestamptz('expires_at').notNull()
	},
	(t) => [index('staff_sessions_account_idx').on(t.accountId)]
);

/** Failed logins, by the address typed and the client's address: the limit holds across app processes. */
export const loginFailures = pgTable(
	'login_failures',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		email: text('email').notNull(),
		address: text('address').notNull(),
		at: timestamptz('at').notNull().defaultNow()
	},
	(t) => [index('login_failures_email_idx').on(sql`lower(${t.email})`, t.at), index('login_failures_address_idx').on(t.address, t.at)]
);

/** Every staff action, for admins: logins, logouts, each change of a report, account changes. */
export const staffAudit = pgTable(
	'staff_audit',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		accountId: integer('account_id').references(() => staffAccounts.id, { onDelete: 'set null' }),
		action: text('action').notNull(),
		reportId: bigint('report_id', { mode: 'number' }),
		// What changed, as JSON text (before and after, a note, the rows of a bulk intake…).
		details: text('details'),
		address: text('address'),
		createdAt: timestamptz('created_at').notNull().defaultNow()
	},
	(t) => [index('staff_audit_created_idx').on(t.createdAt), index('staff_audit_account_idx').on(t.accountId, t.createdAt)]
);

/** A CSV of reports handed in at once (a whole estate's), entered by an operator. */
export const intakeBatches = pgTable('intake_batches', {
	id: serial('id').primaryKey(),
	accountId: integer('account_id')
		.notNull()
		.references(() => staffAccounts.id),
	fileName: text('file_name').notNull(),
	rows: integer('rows').notNull(),
	createdAt: timestamptz('created_at').notNull().defaultNow()
});

import { bigint, bigserial, index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { timestamptz } from './columns.ts';
import { departments } from './departments.ts';
import { reports } from './reports.ts';
import { staffAccounts } from './staff.ts';

/** The public timeline of a report: every status change, with its note. */
export const statusChanges = pgTable(
	'status_changes',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		reportId: bigint('report_id', { mode: 'number' })
			.notNull()
			.references(() => reports.id, { onDelete: 'cascade' }),
		fromStatus: text('from_status'),
		toStatus: text('to_status').notNull(),
		note: text('note'),
		// Who made the change, as shown publicly: a role or unit, never a private person's name.
		actor: text('actor').notNull(),
		departmentId: integer('department_id').references(() => departments.id),
		// The staff member behind it, for audit (never shown publicly).
		accountId: integer('account_id').references(() => staffAccounts.id),
		createdAt: timestamptz('created_at').notNull().defaultNow()
	},
	(t) => [
		index('status_changes_report_idx').on(t.reportId, t.createdAt),
		// Feeds read the newest changes first, city-wide or within a district, category or area.
		index('status_changes_created_idx').on(t.createdAt)
	]
);

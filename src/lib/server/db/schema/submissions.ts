import { bigint, pgTable, text } from 'drizzle-orm/pg-core';
import { timestamptz } from './columns.ts';
import { reports } from './reports.ts';

/**
 * One row per submission of a report (the form's hidden key, or an Open311 client's
 * Idempotency-Key): a second POST of the same submission (a double click, a retry after a lost
 * answer) finds the report the first one made instead of making another.
 */
export const submissionKeys = pgTable('submission_keys', {
	key: text('key').primaryKey(),
	reportId: bigint('report_id', { mode: 'number' }).references(() => reports.id, { onDelete: 'cascade' }),
	createdAt: timestamptz('created_at').notNull().defaultNow()
});

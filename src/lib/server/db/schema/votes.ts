import { bigint, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { timestamptz } from './columns.ts';
import { reports } from './reports.ts';

/** "Me too": one row per report and voter. */
export const votes = pgTable(
	'votes',
	{
		reportId: bigint('report_id', { mode: 'number' })
			.notNull()
			.references(() => reports.id, { onDelete: 'cascade' }),
		voterId: text('voter_id').notNull(),
		createdAt: timestamptz('created_at').notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.reportId, t.voterId] })]
);

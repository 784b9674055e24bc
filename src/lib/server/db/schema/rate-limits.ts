import { integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { timestamptz } from './columns.ts';

/**
 * Attempts per rule, key (an address, an address and a report, an API key) and fixed window: in the
 * database, so every app process counts against one limit.
 */
export const rateLimitWindows = pgTable(
	'rate_limit_windows',
	{
		rule: text('rule').notNull(),
		key: text('key').notNull(),
		windowStart: timestamptz('window_start').notNull(),
		hits: integer('hits').notNull()
	},
	(t) => [primaryKey({ columns: [t.rule, t.key, t.windowStart] })]
);

import { pgTable, serial, text } from 'drizzle-orm/pg-core';
import { timestamptz } from './columns.ts';

/**
 * Keys of the applications that file reports through Open311. Only a key's SHA-256 is kept: the
 * key itself is shown once, when created, and a stolen table gives nobody a working key.
 */
export const apiKeys = pgTable('api_keys', {
	id: serial('id').primaryKey(),
	// Who holds the key ("Aplikacja Kraków 311"), as staff see it.
	name: text('name').notNull(),
	// The key's first characters, so a holder and staff can tell keys apart without the key.
	prefix: text('prefix').notNull(),
	hash: text('hash').notNull().unique(),
	createdAt: timestamptz('created_at').notNull().defaultNow(),
	lastUsedAt: timestamptz('last_used_at'),
	revokedAt: timestamptz('revoked_at')
});

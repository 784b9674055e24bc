import path from 'node:path';
import type { Database } from './connect.ts';

/** Applies the SQL migrations in drizzle/ that this database has not seen; the same files on both databases. */
export async function migrate(database: Database, migrationsFolder = path.resolve('drizzle')): Promise<void> {
	if (database.kind === 'pglite') {
		const { migrate } = await import('drizzle-orm/pglite/migrator');
		await migrate(database.db as never, { migrationsFolder });
	} else {
		const { migrate } = await import('drizzle-orm/postgres-js/migrator');
		await migrate(database.db as never, { migrationsFolder });
	}
}

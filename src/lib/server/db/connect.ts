import path from 'node:path';
import { mkdirSync } from 'node:fs';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { SQL } from 'drizzle-orm';
import * as schema from './schema/index.ts';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

/** The app's handle on either database: drizzle for typed queries, rows() for hand-written PostGIS SQL. */
export interface Database {
	kind: 'pglite' | 'postgres';
	db: Db;
	rows<T>(query: SQL): Promise<T[]>;
	/**
	 * Calls onNotify with the payload of each NOTIFY on `channel`, and onListening whenever listening
	 * (re)starts: notifications sent while a connection was lost are gone, so what they told must be read again.
	 */
	listen(channel: string, onNotify: (payload: string) => void, onListening: () => void): Promise<void>;
	close(): Promise<void>;
}

/** Runs hand-written SQL on a database or transaction of either driver and returns its rows. */
export async function rowsOf<T>(executor: Pick<Db, 'execute'>, query: SQL): Promise<T[]> {
	// postgres-js answers with an array of rows, PGlite with { rows }.
	const result = (await executor.execute(query)) as unknown as T[] | { rows: T[] };
	return Array.isArray(result) ? result : result.rows;
}

/** A PostgreSQL server when a URL is given, otherwise PGlite persisted under dataDir (or in memory for 'memory://'). */
export async function connect(options: { databaseUrl?: string; dataDir?: string }): Promise<Database> {
	return options.databaseUrl ? connectPostgres(options.databaseUrl) : connectPglite(options.dataDir ?? 'memory://');
}

async function connectPostgres(url: string): Promise<Database> {
	const { default: postgres } = await import('postgres');
	const { drizzle } = await import('drizzle-orm/postgres-js');
	const client = postgres(url, {
		max: 10,
		onnotice: () => {},
		// Map queries swing from empty tiles to half the table: a generic plan cached for one is slow for the other.
		// JIT compiling and starting parallel workers cost more than these short queries take.
		connection: { plan_cache_mode: 'force_custom_plan', jit: 'off', max_parallel_workers_per_gather: '0' }
	});
	const db = drizzle(client, { schema }) as unknown as Db;
	return {
		kind: 'postgres',
		db,
		rows: (query) => rowsOf(db, query),
		// postgres-js listens on a connection of its own and listens again after reconnecting.
		listen: async (channel, onNotify, onListening) => void (await client.listen(channel, onNotify, onListening)),
		close: () => client.end()
	};
}

async function connectPglite(dataDir: string): Promise<Database> {
	const { PGlite } = await import('@electric-sql/pglite');
	const { postgis } = await import('@electric-sql/pglite-postgis');
	const { drizzle } = await import('drizzle-orm/pglite');
	const inMemory = dataDir.startsWith('memory://');
	const location = inMemory ? dataDir : path.join(dataDir, 'pglite');
	if (!inMemory) mkdirSync(location, { recursive: true });
	const client = await PGlite.create(location, { extensions: { postgis } });
	const db = drizzle(client, { schema }) as unknown as Db;
	return {
		kind: 'pglite',
		db,
		rows: (query) => rowsOf(db, query),
		listen: async (channel, onNotify, onListening) => {
			await client.listen(channel, onNotify);
			onListening();
		},
		close: () => client.close()
	};
}

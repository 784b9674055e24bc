import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { PgDialect, type PgDatabase, type PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { SQL } from 'drizzle-orm';
import * as schema from './schema/index.ts';
import { lockDataFolder } from './folder-lock.ts';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction of either driver, as `db.transaction` hands it over. */
export type Transaction = Parameters<Parameters<Db['transaction']>[0]>[0];

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
	/**
	 * PostgreSQL only: `query`'s rows as CSV with a header, streamed by COPY (far faster than rows
	 * decoded one by one). Stopping early cancels the COPY and drains what is on its way, so the
	 * connection is free again. PGlite has no COPY to a stream.
	 */
	copyCsv?(query: SQL): AsyncGenerator<Uint8Array>;
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

/**
 * While the database is away a request must get its 503 in seconds, and once it is back the pool must
 * reconnect at once: postgres-js's default backoff grows to 20 s between attempts, and its connect
 * timeout is 30 s. The wait between attempts grows by 0.1 s up to 1 s here.
 */
const RECONNECT = { connect_timeout: 3, backoff: (attempt: number) => Math.min(0.1 * attempt, 1) };

async function connectPostgres(url: string): Promise<Database> {
	const { default: postgres } = await import('postgres');
	const { drizzle } = await import('drizzle-orm/postgres-js');
	const client = postgres(url, {
		max: 10,
		...RECONNECT,
		onnotice: () => {},
		// Map queries swing from empty tiles to half the table: a generic plan cached for one is slow for the other.
		// JIT compiling and starting parallel workers cost more than these short queries take.
		connection: { plan_cache_mode: 'force_custom_plan', jit: 'off', max_parallel_workers_per_gather: '0' }
	});
	const db = drizzle(client, { schema }) as unknown as Db;
	const listeners: Array<() => Promise<void>> = [];
	const dialect = new PgDialect();
	return {
		kind: 'postgres',
		db,
		rows: (query) => rowsOf(db, query),
		listen: async (channel, onNotify, onListening) => void listeners.push(listenPostgres(postgres, url, channel, onNotify, onListening)),
		// COPY takes no parameters: the query's values are written into it as escaped literals.
		copyCsv: (query) => copyOut(client, `COPY (${dialect.sqlToQuery(query.inlineParams()).sql}) TO STDOUT WITH (FORMAT csv, HEADER)`),
		close: async () => {
			await Promise.all([...listeners.map((stop) => stop()), client.end({ timeout: 5 })]);
		}
	};
}

const COPY_PIECE = 64 * 1024;

async function* copyOut(client: import('postgres').Sql, statement: string): AsyncGenerator<Uint8Array> {
	const query = client.unsafe(statement);
	const stream = await query.readable();
	let finished = false;
	try {
		// COPY sends a message per row: they go out gathered into pieces of about 64 KB, not one by one.
		// Not destroyed on an early return: the socket stays paused until the stream is read, so it is drained instead.
		let gathered: Buffer[] = [];
		let size = 0;
		for await (const chunk of stream.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
			gathered.push(chunk);
			size += chunk.length;
			if (size < COPY_PIECE) continue;
			yield Buffer.concat(gathered, size);
			[gathered, size] = [[], 0];
		}
		if (size) yield Buffer.concat(gathered, size);
		finished = true;
	} finally {
		if (!finished) {
			query.catch(() => undefined);
			query.cancel();
			stream.resume();
			await new Promise((done) => stream.once('close', done).once('end', done).once('error', done));
		}
	}
}

/** How long to wait before trying LISTEN again while the database is away. */
const RELISTEN_MS = 500;

/**
 * LISTEN on a connection of its own that listens again, for as long as it takes, whenever the
 * connection closes or an attempt fails (postgres-js's own `listen` retries once: a restart longer
 * than that attempt lost the notifications for good). Returns at once with the stop function;
 * `onListening` tells each time listening (re)starts.
 */
function listenPostgres(
	postgres: typeof import('postgres'),
	url: string,
	channel: string,
	onNotify: (payload: string) => void,
	onListening: () => void
): () => Promise<void> {
	let stopped = false;
	let attempt: Promise<void> | undefined;
	let retry: ReturnType<typeof setTimeout> | undefined;
	const listener = postgres(url, {
		max: 1,
		max_lifetime: null,
		...RECONNECT,
		fetch_types: false,
		onnotice: () => {},
		onclose: () => listenAgain(),
		// The option postgres-js's own `listen` uses; missing from its types.
		...{ onnotify: (name: string, payload: string) => name === channel && onNotify(payload) }
	});
	const listenAgain = () => {
		if (stopped || attempt || retry) return;
		attempt = listener`LISTEN ${listener(channel)}`.then(
			() => {
				attempt = undefined;
				onListening();
			},
			() => {
				attempt = undefined;
				if (!stopped) retry = setTimeout(() => ((retry = undefined), listenAgain()), RELISTEN_MS);
			}
		);
	};
	listenAgain();
	return async () => {
		stopped = true;
		clearTimeout(retry);
		await listener.end({ timeout: 5 });
	};
}

async function connectPglite(dataDir: string): Promise<Database> {
	const { PGlite } = await import('@electric-sql/pglite');
	const { postgis } = await import('@electric-sql/pglite-postgis');
	const { drizzle } = await import('drizzle-orm/pglite');
	const inMemory = dataDir.startsWith('memory://');
	const location = inMemory ? dataDir : path.join(dataDir, 'pglite');
	if (!inMemory) mkdirSync(location, { recursive: true });
	const unlock = inMemory ? () => {} : lockDataFolder(location);
	const client = await PGlite.create(location, { extensions: { postgis } }).catch((e: unknown) => {
		unlock();
		throw e;
	});
	const db = drizzle(client, { schema }) as unknown as Db;
	return {
		kind: 'pglite',
		db,
		rows: (query) => rowsOf(db, query),
		listen: async (channel, onNotify, onListening) => {
			await client.listen(channel, onNotify);
			onListening();
		},
		close: () => client.close().finally(unlock)
	};
}

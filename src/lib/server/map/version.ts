import { sql } from 'drizzle-orm';
import type { Database } from '../db/connect.ts';

/** The channel the map_version trigger (migration 0011) notifies with each new version. */
const CHANNEL = 'map_version';

interface VersionWatch {
	current(): Promise<number>;
	forget(): void;
}

const watches = new WeakMap<Database, VersionWatch>();

/**
 * The current map version: part of tile URLs and ETags, so a change to reports is seen at once. It
 * is kept in memory from the database's notifications, so a tile costs no extra round trip; until
 * listening starts (or fails) it is read from the table each time.
 */
export function mapVersion(database: Database): Promise<number> {
	return watchOf(database).current();
}

/**
 * Tells the memory that this process has just changed reports: the next read goes to the table, so
 * the page answering the change shows it even if the notification is still on its way.
 */
export function mapChanged(database: Database): void {
	watches.get(database)?.forget();
}

function watchOf(database: Database): VersionWatch {
	let watch = watches.get(database);
	if (!watch) {
		watch = watchVersion(database);
		watches.set(database, watch);
	}
	return watch;
}

function watchVersion(database: Database): VersionWatch {
	let listening = false;
	// The highest version notified or read; trusted while `fresh`, that is since a read that began after the last forget().
	let latest = -1;
	let fresh = false;
	let generation = 0;
	let reading: Promise<number> | undefined;

	const readLatest = (): Promise<number> => {
		const started = generation;
		return (reading ??= readVersion(database).then(
			(version) => {
				latest = Math.max(latest, version);
				if (generation === started) [fresh, reading] = [true, undefined];
				return latest;
			},
			(error: unknown) => {
				if (generation === started) reading = undefined;
				throw error;
			}
		));
	};
	const forget = () => {
		generation++;
		[fresh, reading] = [false, undefined];
	};

	database
		.listen(
			CHANNEL,
			// Versions only grow, so a late notification cannot take the memory back.
			(payload) => (latest = Math.max(latest, Number(payload))),
			() => {
				listening = true;
				forget();
			}
		)
		.catch((error: unknown) => console.error('Map version: LISTEN failed, reading the version per request', error));
	return {
		current: () => (!listening ? readVersion(database) : fresh ? Promise.resolve(latest) : readLatest()),
		forget
	};
}

async function readVersion(database: Database): Promise<number> {
	const [row] = await database.rows<{ version: number }>(sql`SELECT version::int AS version FROM map_version WHERE id = 1`);
	return row?.version ?? 0;
}

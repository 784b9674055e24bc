import { sql } from 'drizzle-orm';
import type { Database } from '../db/connect.ts';

/** The channel the map_version trigger (migration 0011) notifies with each new version. */
const CHANNEL = 'map_version';

interface VersionWatch {
	current(): Promise<number>;
	forget(): void;
	/** Called with each version a notification announces. */
	announced: Set<(version: number) => void>;
}

/** How long the memory is trusted without a read, in case notifications stop without a word. */
export const TRUST_MS = 5000;

const watches = new WeakMap<Database, VersionWatch>();

/**
 * The current map version: part of tile URLs and ETags, so a change to reports is seen at once. It
 * is kept in memory from the database's notifications, so a tile costs no extra round trip, and read
 * again every few seconds in case notifications were lost; until listening starts (or if it fails)
 * it is read from the table each time.
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

/** Calls `listener` with each new version the database announces; returns the way to stop. */
export function onMapVersionAnnounced(database: Database, listener: (version: number) => void): () => void {
	const { announced } = watchOf(database);
	announced.add(listener);
	return () => announced.delete(listener);
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
	// The version last read, raised by the notifications since; trusted until `trustedUntil`, since a
	// lost listening connection may be re-established late or never: then it is read at least every TRUST_MS.
	let latest = 0;
	let trustedUntil = 0;
	let generation = 0;
	let reading: Promise<number> | undefined;
	let notifiedDuringRead = -1;
	const announced = new Set<(version: number) => void>();

	const readLatest = (): Promise<number> => {
		if (reading) return reading;
		const started = generation;
		notifiedDuringRead = -1;
		const read = readVersion(database).then(
			(version) => {
				// A read from before the last forget() may predate the change it was told about: not remembered.
				if (generation !== started) return version;
				[latest, trustedUntil, reading] = [Math.max(version, notifiedDuringRead), performance.now() + TRUST_MS, undefined];
				return latest;
			},
			(error: unknown) => {
				if (generation === started) reading = undefined;
				throw error;
			}
		);
		return (reading = read);
	};
	const forget = () => {
		generation++;
		[trustedUntil, reading] = [0, undefined];
	};

	database
		.listen(
			CHANNEL,
			(payload) => {
				const version = Number(payload);
				if (!Number.isSafeInteger(version)) return;
				// Versions only grow, so a late notification cannot take the memory back.
				latest = Math.max(latest, version);
				notifiedDuringRead = Math.max(notifiedDuringRead, version);
				for (const listener of announced) {
					// One listener's failure must not keep the others from hearing, nor reach the driver.
					try {
						listener(version);
					} catch (error) {
						console.error('Map version: a listener failed', error);
					}
				}
			},
			() => {
				listening = true;
				forget();
			}
		)
		.catch((error: unknown) => console.error('Map version: LISTEN failed, reading the version per request', error));
	return {
		current: () => {
			if (!listening) return readVersion(database);
			return performance.now() < trustedUntil ? Promise.resolve(latest) : readLatest();
		},
		forget,
		announced
	};
}

async function readVersion(database: Database): Promise<number> {
	const [row] = await database.rows<{ version: number }>(sql`SELECT version::int AS version FROM map_version WHERE id = 1`);
	return row?.version ?? 0;
}

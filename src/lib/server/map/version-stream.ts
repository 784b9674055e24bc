import type { Database } from '../db/connect.ts';
import { mapVersion, onMapVersionAnnounced } from './version.ts';

/** How often an open stream checks the version itself, in case a notification was lost. */
const CHECK_MS = 5000;
/** A comment this often keeps proxies from closing a quiet stream. */
const HEARTBEAT_MS = 25_000;

/**
 * Server-Sent Events carrying only the map version: the current one at once, then each new one as
 * the database announces it (or the periodic check finds it). Pages then re-read what they show
 * from caches keyed by that version, so a million viewers cost the database no more than one.
 */
export function versionStream(database: Database): ReadableStream<Uint8Array> {
	const encoder = new TextEncoder();
	let stop = () => {};
	return new ReadableStream({
		start(controller) {
			let sent = -1;
			const send = (version: number) => {
				if (version <= sent) return;
				sent = version;
				controller.enqueue(encoder.encode(`event: version\ndata: ${version}\n\n`));
			};
			const check = () => mapVersion(database).then(send, () => undefined);
			controller.enqueue(encoder.encode('retry: 3000\n\n'));
			const unsubscribe = onMapVersionAnnounced(database, send);
			const checking = setInterval(check, CHECK_MS);
			const beating = setInterval(() => controller.enqueue(encoder.encode(': keep-alive\n\n')), HEARTBEAT_MS);
			stop = () => {
				unsubscribe();
				clearInterval(checking);
				clearInterval(beating);
			};
			check();
		},
		cancel() {
			stop();
		}
	});
}

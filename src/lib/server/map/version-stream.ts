import type { Database } from '../db/connect.ts';
import { mapVersion, onMapVersionAnnounced } from './version.ts';

/** How often an open stream checks the version itself, in case a notification was lost. */
const CHECK_MS = 5000;
/** A comment this often keeps proxies from closing a quiet stream. */
const HEARTBEAT_MS = 25_000;

/**
 * Every open stream's way to end: on SIGTERM or SIGINT they end at once, so adapter-node's graceful
 * shutdown need not wait SHUTDOWN_TIMEOUT for browsers to hang up. Hooked when the first stream opens.
 */
const open = new Set<() => void>();
let endOnShutdown = () => {
	for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => [...open].forEach((end) => end()));
	endOnShutdown = () => {};
};

/**
 * Server-Sent Events carrying only the map version: the current one at once, then each new one as
 * the database announces it (or the periodic check finds it). Pages then re-read what they show,
 * and the figures they ask for are computed once per version, not once per viewer.
 */
export function versionStream(database: Database): ReadableStream<Uint8Array> {
	const encoder = new TextEncoder();
	let end = () => {};
	return new ReadableStream({
		start(controller) {
			let sent = -1;
			let ended = false;
			// A browser may leave while a read is on its way: nothing is written after that.
			const write = (text: string) => {
				if (ended) return;
				try {
					controller.enqueue(encoder.encode(text));
				} catch {
					end();
				}
			};
			const send = (version: number) => {
				if (version <= sent) return;
				sent = version;
				write(`event: version\ndata: ${version}\n\n`);
			};
			const check = () => mapVersion(database).then(send, () => undefined);
			const unsubscribe = onMapVersionAnnounced(database, send);
			const checking = setInterval(check, CHECK_MS);
			const beating = setInterval(() => write(': keep-alive\n\n'), HEARTBEAT_MS);
			end = () => {
				if (ended) return;
				ended = true;
				open.delete(end);
				unsubscribe();
				clearInterval(checking);
				clearInterval(beating);
				try {
					controller.close();
				} catch {
					// Already closed by the browser leaving.
				}
			};
			open.add(end);
			endOnShutdown();
			write('retry: 3000\n\n');
			check();
		},
		cancel() {
			end();
		}
	});
}

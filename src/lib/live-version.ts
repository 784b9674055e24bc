/** Viewers re-read within this much of a change, spread out so they do not all ask at the same instant. */
const SPREAD_MS = 1500;

/**
 * Follows the map version from /api/events (the browser's EventSource reconnects by itself) and
 * calls `onChange` with the newest version after each change past `known` (the one the page was
 * rendered at), within SPREAD_MS. Returns the way to stop.
 */
export function followMapVersion(known: number, onChange: (version: number) => void): () => void {
	const source = new EventSource('/api/events');
	let last = known;
	let pending: ReturnType<typeof setTimeout> | undefined;
	source.addEventListener('version', (event) => {
		const version = Number((event as MessageEvent<string>).data);
		if (!Number.isSafeInteger(version) || version <= last) return;
		last = version;
		pending ??= setTimeout(() => {
			pending = undefined;
			onChange(last);
		}, Math.random() * SPREAD_MS);
	});
	return () => {
		clearTimeout(pending);
		source.close();
	};
}

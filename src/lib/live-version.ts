/**
 * Follows the map version from /api/events (the browser's EventSource reconnects by itself) and
 * calls `onChange` with each version newer than `known` (the one the page was rendered at).
 * Returns the way to stop.
 */
export function followMapVersion(known: number, onChange: (version: number) => void): () => void {
	const source = new EventSource('/api/events');
	let last = known;
	source.addEventListener('version', (event) => {
		const version = Number((event as MessageEvent<string>).data);
		if (!Number.isSafeInteger(version) || version <= last) return;
		last = version;
		onChange(version);
	});
	return () => source.close();
}

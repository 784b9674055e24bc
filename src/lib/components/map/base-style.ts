import type { StyleSpecification } from 'maplibre-gl';

/** A street-free map: a plain background on which the districts and reports still draw. */
export const PLAIN_STYLE: StyleSpecification = {
	version: 8,
	sources: {},
	layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#eef0ec' } }]
};

/**
 * The configured base style, or the plain one when there is none or it cannot be fetched in time
 * (offline, blocked): the map must work without a tile server.
 */
export async function resolveBaseStyle(url: string, timeoutMs = 4000): Promise<{ style: StyleSpecification | string; degraded: boolean }> {
	if (!url) return { style: PLAIN_STYLE, degraded: true };
	try {
		const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
		if (!response.ok) throw new Error(`HTTP ${response.status}`);
		return { style: (await response.json()) as StyleSpecification, degraded: false };
	} catch {
		return { style: PLAIN_STYLE, degraded: true };
	}
}

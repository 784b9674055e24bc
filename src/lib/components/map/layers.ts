import type { LayerSpecification } from 'maplibre-gl';
import { GROUP_COLORS } from '../status-colors.ts';
import { STATUS_GROUPS, statusesInGroup } from '$lib/domain/status.ts';

export const PIN_LAYER_IDS = ['report-pins'];

// Tiles carry each pin's status (a smaller tile); its group's colour is looked up here, from the domain's grouping.
const groupColor = ['match', ['get', 'status'], ...STATUS_GROUPS.flatMap((group) => [statusesInGroup(group), GROUP_COLORS[group]]), GROUP_COLORS.closed];

/**
 * Pins by status group (colour) and type: a problem is a filled dot, an idea a ring in the same
 * colour, so the two read apart without colour too.
 */
export function pinLayers(source: string): LayerSpecification[] {
	return [
		{
			id: 'report-pins',
			type: 'circle',
			source,
			'source-layer': 'reports',
			paint: {
				'circle-radius': ['interpolate', ['linear'], ['zoom'], 15, 5, 18, 9],
				'circle-color': ['case', ['==', ['get', 'type'], 'idea'], '#ffffff', groupColor],
				'circle-stroke-color': ['case', ['==', ['get', 'type'], 'idea'], groupColor, '#ffffff'],
				'circle-stroke-width': ['case', ['==', ['get', 'type'], 'idea'], 3, 1.5]
			} as never
		}
	];
}

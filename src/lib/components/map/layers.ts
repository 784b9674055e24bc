import type { LayerSpecification } from 'maplibre-gl';
import { GROUP_COLORS } from '../status-colors.ts';

export const PIN_LAYER_IDS = ['report-pins'];

const groupColor = ['match', ['get', 'group'], ...Object.entries(GROUP_COLORS).flat(), '#5b6470'];

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

import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';

/** The web-mercator tile holding a point at zoom z. */
export function tileOf(lng: number, lat: number, z: number) {
	const n = 2 ** z;
	const x = Math.floor(((lng + 180) / 360) * n);
	const rad = (lat * Math.PI) / 180;
	const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n);
	return { z, x, y };
}

/** A decoded tile layer's features as plain objects: properties, id and the point in tile units. */
export function decodeLayer(bytes: Uint8Array, layer: string) {
	const tile = new VectorTile(new PbfReader(bytes));
	const found = tile.layers[layer];
	if (!found) return [];
	return Array.from({ length: found.length }, (_, i) => {
		const feature = found.feature(i);
		const [[point]] = feature.loadGeometry();
		return { id: feature.id, properties: feature.properties, x: point.x, y: point.y };
	});
}

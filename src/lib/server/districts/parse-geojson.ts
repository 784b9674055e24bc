import { parseRoman } from '../../domain/roman.ts';
import { InputError } from '../errors.ts';

export interface DistrictInput {
	number: number;
	name: string;
	/** A GeoJSON Polygon or MultiPolygon. */
	geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
	population: number | null;
}

const fail = (message: string) => new InputError(`District boundaries: ${message}`);

/**
 * Validates a district FeatureCollection and reads each district's number and name: from `number`
 * (or `numer`) and `name` properties, or from a name like "Dzielnica XII Bieżanów-Prokocim".
 */
export function parseDistrictCollection(input: unknown, expectedCount: number): DistrictInput[] {
	if (!isObject(input) || input.type !== 'FeatureCollection' || !Array.isArray(input.features)) {
		throw fail('expected a GeoJSON FeatureCollection.');
	}
	if (input.features.length !== expectedCount) {
		throw fail(`expected ${expectedCount} districts, the file has ${input.features.length}.`);
	}
	const districts = input.features.map((feature, i) => parseFeature(feature, i));
	const seen = new Set<number>();
	for (const d of districts) {
		if (seen.has(d.number)) throw fail(`district number ${d.number} appears twice.`);
		seen.add(d.number);
	}
	return districts.sort((a, b) => a.number - b.number);
}

function parseFeature(feature: unknown, index: number): DistrictInput {
	const where = `feature ${index + 1}`;
	if (!isObject(feature) || feature.type !== 'Feature') throw fail(`${where} is not a GeoJSON Feature.`);
	const geometry = feature.geometry;
	if (!isObject(geometry) || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) {
		throw fail(`${where} must be a Polygon or MultiPolygon.`);
	}
	checkCoordinates(geometry.coordinates, geometry.type === 'Polygon' ? 3 : 4, where);
	const properties = isObject(feature.properties) ? feature.properties : {};
	const { number, name } = readNumberAndName(properties, where);
	const population = Number(properties.population);
	return {
		number,
		name,
		geometry: { type: geometry.type, coordinates: geometry.coordinates },
		population: Number.isInteger(population) && population > 0 ? population : null
	};
}

function readNumberAndName(properties: Record<string, unknown>, where: string): { number: number; name: string } {
	const rawName = typeof properties.name === 'string' ? properties.name.trim() : '';
	if (!rawName) throw fail(`${where} has no name.`);
	const explicit = Number(properties.number ?? properties.numer);
	const match = /^(?:dzielnica\s+)?([IVXLC]+)\s+(.+)$/i.exec(rawName);
	const number = Number.isInteger(explicit) && explicit > 0 ? explicit : match ? parseRoman(match[1]) : null;
	if (!number) throw fail(`${where} ("${rawName}") has no district number: add a "number" property or name it like "Dzielnica XII Bieżanów-Prokocim".`);
	return { number, name: match ? match[2].trim() : rawName };
}

/** Positions nested `depth` arrays deep, each [longitude, latitude] within range, rings closed. */
function checkCoordinates(value: unknown, depth: number, where: string): void {
	if (!Array.isArray(value) || value.length === 0) throw fail(`${where} has empty or malformed coordinates.`);
	if (depth === 2) {
		// A ring: at least four positions, first equal to last.
		if (value.length < 4) throw fail(`${where} has a ring with fewer than 4 positions.`);
		for (const position of value) {
			if (!Array.isArray(position) || position.length < 2) throw fail(`${where} has a malformed position.`);
			const [lng, lat] = position;
			if (typeof lng !== 'number' || typeof lat !== 'number' || Math.abs(lng) > 180 || Math.abs(lat) > 90) {
				throw fail(`${where} has a position that is not longitude/latitude (EPSG:4326).`);
			}
		}
		const first = value[0] as number[];
		const last = value[value.length - 1] as number[];
		if (first[0] !== last[0] || first[1] !== last[1]) throw fail(`${where} has a ring that is not closed.`);
		return;
	}
	for (const child of value) checkCoordinates(child, depth - 1, where);
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

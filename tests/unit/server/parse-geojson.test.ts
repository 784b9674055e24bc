import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDistrictCollection } from '../../../src/lib/server/districts/parse-geojson.ts';
import { DISTRICTS_FILE } from '../../support/database.ts';

const square = (x: number) => ({
	type: 'Polygon',
	coordinates: [[[x, 50], [x + 0.01, 50], [x + 0.01, 50.01], [x, 50.01], [x, 50]]]
});
const feature = (name: string, geometry: object = square(19.9), properties: object = {}) => ({
	type: 'Feature',
	properties: { name, ...properties },
	geometry
});

describe('district GeoJSON', () => {
	it('reads Kraków’s 18 districts with numbers from their names', () => {
		const districts = parseDistrictCollection(JSON.parse(readFileSync(DISTRICTS_FILE, 'utf8')), 18);
		expect(districts.map((d) => d.number)).toEqual(Array.from({ length: 18 }, (_, i) => i + 1));
		expect(districts[0].name).toBe('Stare Miasto');
		expect(districts[11].name).toBe('Bieżanów-Prokocim');
		expect(districts[17].name).toBe('Nowa Huta');
	});

	it('takes an explicit number and population', () => {
		const [d] = parseDistrictCollection({ type: 'FeatureCollection', features: [feature('Centrum', square(1), { number: 4, population: 1200 })] }, 1);
		expect(d).toMatchObject({ number: 4, name: 'Centrum', population: 1200 });
	});

	it.each([
		['not GeoJSON', { hello: 'world' }, /FeatureCollection/],
		['empty', { type: 'FeatureCollection', features: [] }, /expected 1 districts, the file has 0/],
		['a point', { type: 'FeatureCollection', features: [feature('Dzielnica I Stare Miasto', { type: 'Point', coordinates: [19.9, 50] })] }, /Polygon or MultiPolygon/],
		['no number', { type: 'FeatureCollection', features: [feature('Śródmieście')] }, /no district number/],
		['no name', { type: 'FeatureCollection', features: [feature('')] }, /has no name/],
		['an open ring', { type: 'FeatureCollection', features: [feature('Dzielnica I A', { type: 'Polygon', coordinates: [[[19, 50], [19.1, 50], [19.1, 50.1], [19, 50.1]]] })] }, /not closed/],
		['projected coordinates', { type: 'FeatureCollection', features: [feature('Dzielnica I A', { type: 'Polygon', coordinates: [[[566000, 244000], [567000, 244000], [567000, 245000], [566000, 244000]]] })] }, /longitude\/latitude/]
	])('refuses %s with a clear message', (_, input, message) => {
		expect(() => parseDistrictCollection(input, 1)).toThrow(message);
	});

	it('refuses a number used twice', () => {
		const input = { type: 'FeatureCollection', features: [feature('Dzielnica I A'), feature('Dzielnica I B', square(20))] };
		expect(() => parseDistrictCollection(input, 2)).toThrow(/number 1 appears twice/);
	});
});

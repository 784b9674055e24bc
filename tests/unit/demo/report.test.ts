import { describe, expect, it } from 'vitest';
import { TITLE_MAX } from '../../../src/lib/domain/report-input.ts';
import { CATEGORIES } from '../../../src/lib/server/catalog/catalog-data.ts';
import { createRandom } from '../../../src/lib/server/demo/random.ts';
import { demoCategories, demoReportFactory, type DemoReport } from '../../../src/lib/server/demo/report.ts';
import { CATEGORY_PROFILES } from '../../../src/lib/server/demo/profile.ts';
import { CATEGORY_TEXTS } from '../../../src/lib/server/demo/texts.ts';

const DAY = 86_400_000;
const start = Date.parse('2023-01-01T00:00:00+01:00');
const now = start + 3 * 365 * DAY;

const factory = () => demoReportFactory(createRandom(99), { now, districts: [{ id: 1, weight: 30 }, { id: 2, weight: 10 }] });

/** Reports spread evenly over three years, months tagged as the timeline does (UTC is close enough here). */
function moments(count: number) {
	return Array.from({ length: count }, (_, i) => {
		const at = start + Math.floor((i * (now - start)) / count);
		return { at, month: new Date(at).getUTCMonth() };
	});
}

function reports(count: number): DemoReport[] {
	return factory()(Array.from({ length: count }, (_, i) => i + 1), moments(count));
}

const share = (items: DemoReport[], test: (r: DemoReport) => boolean) => items.filter(test).length / items.length;

describe('demo catalog coverage', () => {
	it('has a profile and wording for every catalog category', () => {
		expect(demoCategories().map((c) => c.definition.code)).toEqual(CATEGORIES.map((c) => c.code));
		for (const code of Object.keys(CATEGORY_PROFILES)) expect(CATEGORIES.some((c) => c.code === code), code).toBe(true);
		for (const code of Object.keys(CATEGORY_TEXTS)) expect(CATEGORIES.some((c) => c.code === code), code).toBe(true);
	});

	it('has usable titles, descriptions, notes and seasons', () => {
		for (const [code, texts] of Object.entries(CATEGORY_TEXTS)) {
			expect(texts.reports.length, code).toBeGreaterThan(1);
			expect(texts.resolved.length, code).toBeGreaterThan(0);
			for (const [title, description] of texts.reports) {
				expect(title.length).toBeGreaterThanOrEqual(3);
				expect(title.length).toBeLessThanOrEqual(TITLE_MAX);
				expect(description).toMatch(/\.$/);
			}
		}
		for (const profile of Object.values(CATEGORY_PROFILES)) {
			if (profile.season) expect(profile.season).toHaveLength(12);
		}
	});
});

describe('demo report factory', () => {
	const made = reports(30_000);

	it('makes about 93% problems and 7% ideas, with types matching categories', () => {
		expect(share(made, (r) => r.type === 'idea')).toBeGreaterThan(0.055);
		expect(share(made, (r) => r.type === 'idea')).toBeLessThan(0.085);
		for (const r of made.slice(0, 1000)) expect(CATEGORIES.find((c) => c.code === r.category)!.type).toBe(r.type);
	});

	it('uses the channels in their usual shares', () => {
		expect(share(made, (r) => r.channel === 'online')).toBeCloseTo(0.7, 1);
		expect(share(made, (r) => r.channel === 'phone')).toBeCloseTo(0.22, 1);
		expect(share(made, (r) => r.channel === 'email')).toBeCloseTo(0.06, 1);
		expect(share(made, (r) => r.channel === 'in_person')).toBeGreaterThan(0.01);
		expect(share(made, (r) => r.channel === 'in_person')).toBeLessThan(0.03);
	});

	it('follows the seasons: grass in May–September, leaves in October–November', () => {
		const month = (r: DemoReport) => new Date(r.createdAt).getUTCMonth();
		const grass = made.filter((r) => r.category === 'grass_mowing');
		const leaves = made.filter((r) => r.category === 'leaves');
		expect(share(grass, (r) => month(r) >= 4 && month(r) <= 8)).toBeGreaterThan(0.85);
		expect(share(leaves, (r) => month(r) >= 9 && month(r) <= 10)).toBeGreaterThan(0.6);
	});

	it('spreads reports over districts by weight', () => {
		expect(share(made, (r) => r.districtId === 1)).toBeCloseTo(0.75, 1);
	});

	it('ranks frequent categories above rare ones', () => {
		const count = (code: string) => made.filter((r) => r.category === code).length;
		for (const frequent of ['pothole', 'street_cleaning', 'bins_waste', 'greenery', 'street_lighting']) {
			for (const rare of ['abandoned_vehicle', 'graffiti', 'homeless_help']) expect(count(frequent), `${frequent} vs ${rare}`).toBeGreaterThan(count(rare) * 2);
		}
	});

	it('links each closed duplicate to an earlier report of the same category and district that is no duplicate', () => {
		const byId = new Map(made.map((r) => [r.id, r]));
		const duplicates = made.filter((r) => r.history.status === 'duplicate');
		expect(duplicates.length).toBeGreaterThan(0);
		for (const r of made) expect(r.duplicateOfId !== null).toBe(r.history.status === 'duplicate');
		for (const r of duplicates) {
			const original = byId.get(r.duplicateOfId!)!;
			expect(original.id).toBeLessThan(r.id);
			expect(original).toMatchObject({ category: r.category, districtId: r.districtId });
			expect(original.history.status).not.toBe('duplicate');
		}
	});

	it('links duplicates only within their batch', () => {
		const make = factory();
		const all = moments(4000);
		const first = make(Array.from({ length: 2000 }, (_, i) => i + 1), all.slice(0, 2000));
		const second = make(Array.from({ length: 2000 }, (_, i) => i + 2001), all.slice(2000));
		expect(second.some((r) => r.duplicateOfId !== null)).toBe(true);
		for (const r of second) if (r.duplicateOfId !== null) expect(r.duplicateOfId).toBeGreaterThan(first[first.length - 1].id);
	});

	it('gives most reports no votes and a few many', () => {
		expect(share(made, (r) => r.voteCount === 0)).toBeGreaterThan(0.7);
		expect(Math.max(...made.map((r) => r.voteCount))).toBeGreaterThan(50);
	});

	it('writes Polish text and marks reports typed in by an operator', () => {
		for (const r of made.slice(0, 2000)) {
			expect(r.title.length).toBeGreaterThan(0);
			if (r.channel === 'phone') expect(r.description).toMatch(/^Zgłoszenie przyjęte telefonicznie\./);
			if (r.channel === 'online') expect(r.description).not.toMatch(/^Zgłoszenie/);
		}
	});
});

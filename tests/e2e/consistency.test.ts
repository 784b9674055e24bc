import { expect, test } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { parseFeed } from '@rowanmanning/feed-parser';
import { STRICT_CSV } from '../support/csv.ts';
import { around, fileReport } from './support.ts';

test('one report reads the same on its page, in the CSV, the GeoJSON and the feeds', async ({ page, request }) => {
	const at = { lng: 19.94321, lat: 50.05678 };
	const url = await fileReport(page, { ...at, title: 'Ta sama sprawa wszędzie', category: 'street_cleaning' });
	const ref = url.match(/KCK-\d{4}-\d+/)![0];
	await page.goto(url);
	const shown = {
		ref: (await page.locator('.ref').innerText()).trim(),
		status: (await page.locator('.badges').innerText()).split('\n')[0].trim(),
		category: (await page.locator('.badges span').filter({ hasText: ': ' }).innerText()).split(': ')[1],
		created: await page.locator('dd time').getAttribute('datetime'),
		place: await page.getByText(`${at.lat.toFixed(5)}, ${at.lng.toFixed(5)}`).innerText()
	};
	expect(shown).toMatchObject({ ref, status: 'Nowe', place: '50.05678, 19.94321' });

	const area = `bbox=${around(at.lng, at.lat)}`;
	const [record] = (parse(await (await request.get(`/data/reports.csv?${area}`)).text(), STRICT_CSV) as Record<string, string>[]).filter((r) => r.id === ref);
	expect(record).toMatchObject({ status: 'new', category_name_pl: shown.category, created_at: shown.created, lng: String(at.lng), lat: String(at.lat) });

	const { features } = await (await request.get(`/data/reports.geojson?${area}`)).json();
	const feature = features.find((f: { id: string }) => f.id === ref);
	expect(feature.geometry.coordinates).toEqual([at.lng, at.lat]);
	expect(feature.properties).toMatchObject({ status: 'new', category_name_pl: shown.category, created_at: shown.created });

	const atom = await (await request.get(`/feeds/reports.atom?report=${ref}`)).text();
	const [entry] = parseFeed(atom).items;
	expect(entry.url).toMatch(new RegExp(`/reports/${ref}$`));
	expect(entry.published!.toISOString()).toBe(shown.created);
	expect(entry.description ?? entry.content).toContain(shown.category);
	expect(atom).toContain(`<georss:point>${at.lat} ${at.lng}</georss:point>`);
});

import { expect, test } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { parseFeed } from '@rowanmanning/feed-parser';
import { STRICT_CSV } from '../support/csv.ts';
import { XMLParser } from 'fast-xml-parser';
import { around, fileReport, mapReady } from './support.ts';

test('one report reads the same on its page, its popup, in the CSV, the GeoJSON, the feeds and Open311', async ({ page, request }) => {
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

	const [json] = await (await request.get(`/open311/v2/requests/${ref}.json`)).json();
	expect(json).toMatchObject({ service_request_id: ref, status: 'open', service_name: shown.category, requested_datetime: shown.created, lat: at.lat, long: at.lng });
	const { service_requests } = new XMLParser({ parseTagValue: false }).parse(await (await request.get(`/open311/v2/requests/${ref}.xml`)).text());
	expect(service_requests.request).toMatchObject({ service_request_id: ref, status: 'open', service_name: shown.category, requested_datetime: shown.created, lat: String(at.lat), long: String(at.lng) });

	// The map's popup, clicked on the pin, and the summary it is drawn from.
	await page.goto(`/?bbox=${around(at.lng, at.lat)}`);
	await mapReady(page);
	const map = page.getByTestId('map');
	const box = (await map.boundingBox())!;
	const summary = page.waitForResponse((r) => /\/api\/reports\/\d+$/.test(r.url()));
	const popup = page.locator('.maplibregl-popup');
	// The pin is there once its tile has been drawn: click until the popup opens.
	await expect(async () => {
		await map.click({ position: { x: box.width / 2, y: box.height / 2 } });
		await expect(popup).toBeVisible({ timeout: 1000 });
	}).toPass({ timeout: 20_000 });
	expect(await (await summary).json()).toMatchObject({ publicRef: ref, status: 'new', categoryPl: shown.category, createdAt: shown.created });
	await expect(popup).toContainText(shown.category);
	await expect(popup).toContainText(shown.status);
	await expect(popup.getByRole('link')).toHaveAttribute('href', `/reports/${ref}`);
});

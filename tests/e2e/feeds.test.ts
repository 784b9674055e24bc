import { expect, test } from '@playwright/test';
import { parseFeed } from '@rowanmanning/feed-parser';
import { fileReport } from './support.ts';

test('Atom and RSS feeds parse in a feed reader’s parser, with unique ids, dates, self links and GeoRSS points', async ({ page, request }) => {
	const url = await fileReport(page, { lng: 19.93301, lat: 50.06102, title: 'Zgłoszenie do kanału', category: 'street_cleaning' });
	const ref = url.match(/KCK-\d{4}-\d+/)![0];
	for (const [path, type] of [
		['/feeds/reports.atom', 'application/atom+xml'],
		['/feeds/reports.rss', 'application/rss+xml']
	]) {
		const response = await request.get(path);
		expect(response.headers()['content-type']).toContain(type);
		const xml = await response.text();
		const feed = parseFeed(xml);
		expect(feed.title).toBe('Mapa KCK: zgłoszenia w Krakowie');
		expect(feed.self).toMatch(new RegExp(`${path}$`));
		expect(feed.items.length).toBeGreaterThan(10);
		expect(feed.items.length).toBeLessThanOrEqual(50);
		expect(new Set(feed.items.map((item) => item.id)).size).toBe(feed.items.length);
		for (const item of feed.items) expect(item.published!.getTime()).toBeGreaterThan(Date.UTC(2000, 0, 1));
		const filed = feed.items.find((item) => item.url?.endsWith(`/reports/${ref}`))!;
		expect(filed.title).toBe('Nowe zgłoszenie: Zgłoszenie do kanału');
		expect(xml).toContain('<georss:point>50.06102 19.93301</georss:point>');
	}
	const district = parseFeed(await (await request.get('/feeds/reports.atom?district=1')).text());
	expect(district.title).toBe('Mapa KCK: zgłoszenia w dzielnicy Stare Miasto');
	const one = parseFeed(await (await request.get(`/feeds/reports.rss?report=${ref}`)).text());
	expect(one.items.map((item) => item.title)).toEqual(['Nowe zgłoszenie: Zgłoszenie do kanału']);
});

test('the map, district and report pages link their feeds', async ({ page }) => {
	await page.goto('/?district=5&type=problem');
	await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute('href', '/feeds/reports.atom?district=5&type=problem');
	await page.goto('/districts/5');
	await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]')).toHaveAttribute('href', '/feeds/reports.rss?district=5');
	await page.goto('/');
	await page.getByTestId('report-list').getByRole('link').first().click();
	await expect(page).toHaveURL(/\/reports\/KCK-/);
	const ref = page.url().match(/KCK-\d{4}-\d+/)![0];
	await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute('href', `/feeds/reports.atom?report=${ref}`);
});

test('a wrong feed filter is a 400 that says why', async ({ request }) => {
	for (const query of ['lng=19.94&lat=50.06&radius=0', 'lng=19.94&lat=50.06&radius=10000000', 'bbox=-200,0,10,10', 'district=19']) {
		const response = await request.get(`/feeds/reports.atom?${query}`);
		expect(response.status(), query).toBe(400);
		expect((await response.json()).error.message, query).toBeTruthy();
	}
});

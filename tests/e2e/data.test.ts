import { expect, test } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { STRICT_CSV } from '../support/csv.ts';

const total = async (page: import('@playwright/test').Page) => {
	await page.goto('/');
	return Number((await page.getByTestId('summary').innerText()).match(/^([\d\s\u00a0]+)/)![1].replace(/\D/g, ''));
};

test('the open data page links the downloads, states the licences and explains every column', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('link', { name: 'Otwarte dane', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Otwarte dane');
	await expect(page.getByRole('link', { name: 'CC BY 4.0' })).toHaveAttribute('href', /creativecommons.org\/licenses\/by\/4.0/);
	await expect(page.getByRole('link', { name: 'ODbL 1.0' })).toHaveAttribute('href', /opendatacommons.org\/licenses\/odbl/);
	const csvHeader = (await (await page.request.get('/data/reports.csv?district=99')).text()).trimEnd().split(',');
	await expect(page.getByTestId('dictionary').locator('tbody tr')).toHaveCount(csvHeader.length);
	for (const column of csvHeader) await expect(page.getByTestId('dictionary').getByRole('rowheader', { name: column, exact: true })).toBeVisible();
});

test('the CSV and GeoJSON downloads hold every public report, the same in both', async ({ page, request }) => {
	const reports = await total(page);
	const csvResponse = await request.get('/data/reports.csv');
	expect(csvResponse.headers()['content-type']).toMatch(/^text\/csv; charset=utf-8/);
	const records: Record<string, string>[] = parse(await csvResponse.text(), STRICT_CSV);
	expect(records).toHaveLength(reports);

	const geo = await request.get('/data/reports.geojson');
	expect(geo.headers()['content-type']).toBe('application/geo+json');
	const { features } = await geo.json();
	expect(features).toHaveLength(reports);
	const byId = new Map(features.map((f: { id: string }) => [f.id, f]));
	for (const record of records.slice(0, 50)) {
		const feature = byId.get(record.id) as { geometry: { coordinates: number[] }; properties: Record<string, unknown> };
		expect(feature.geometry.coordinates).toEqual([Number(record.lng), Number(record.lat)]);
		expect(feature.properties).toMatchObject({ status: record.status, category: record.category, created_at: record.created_at, title: record.title });
	}
});

test('a wrong download filter is a 400 that says why', async ({ request }) => {
	for (const [query, field] of [['from=2026-02-30', 'from'], ['bbox=200,0,210,10', 'bbox'], ['from=2026-03-02&to=2026-03-01', 'to']]) {
		const response = await request.get(`/data/reports.csv?${query}`, { headers: { 'accept-language': 'en' } });
		expect(response.status(), query).toBe(400);
		expect(await response.json()).toMatchObject({ error: { field, message: expect.any(String) } });
	}
});

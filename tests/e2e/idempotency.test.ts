import { expect, test, type Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { STRICT_CSV } from '../support/csv.ts';
import { openReportForm } from './support.ts';

/** How many public reports carry `title` (in the Old Town, where these are filed). */
async function filed(page: Page, title: string): Promise<number> {
	const rows = parse(await (await page.request.get('/data/reports.csv?district=1')).text(), STRICT_CSV) as Record<string, string>[];
	return rows.filter((r) => r.title === title).length;
}

async function fill(page: Page, title: string) {
	await page.getByLabel('Szerokość geograficzna').fill('50.06183');
	await page.getByLabel('Długość geograficzna').fill('19.93712');
	await page.getByLabel('Kategoria').selectOption('pothole');
	await page.getByLabel('Tytuł').fill(title);
}

test('a report whose answer was lost, sent again from the same form, is filed once', async ({ page }) => {
	const title = 'Wysłane ponownie po zerwanym połączeniu';
	await openReportForm(page);
	await fill(page, title);
	let lost = false;
	await page.route('**/report', async (route) => {
		if (route.request().method() !== 'POST' || lost) return route.continue();
		lost = true;
		await route.fetch(); // the server gets it and saves the report…
		await route.abort('connectionreset'); // …but its answer never arrives
	});
	await page.getByRole('button', { name: 'Wyślij zgłoszenie' }).click();
	await expect(page.getByTestId('connection-lost')).toBeVisible();
	await expect(page.getByLabel('Tytuł')).toHaveValue(title);
	await page.getByRole('button', { name: 'Wyślij zgłoszenie' }).click();
	await expect(page).toHaveURL(/\/reports\/KCK-\d{4}-\d{6}\?created=1$/);
	expect(await filed(page, title)).toBe(1);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the form posted again as it was (a reload of the answer, a double click) files one report', async ({ page }) => {
		const title = 'Formularz wysłany ponownie bez skryptów';
		await page.goto('/report');
		await fill(page, title);
		const post = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/report'));
		await page.getByRole('button', { name: 'Wyślij zgłoszenie' }).click();
		await expect(page).toHaveURL(/\/reports\/KCK-\d{4}-\d{6}\?created=1$/);
		const first = await post;
		// The very same multipart body again, as the browser re-sends it.
		const again = await page.request.post(first.url(), {
			headers: { 'content-type': (await first.allHeaders())['content-type'], origin: new URL(first.url()).origin, accept: 'text/html' },
			data: first.postDataBuffer()!,
			maxRedirects: 0
		});
		expect(again.status()).toBe(303);
		expect(page.url()).toContain(again.headers().location.replace('?created=1', ''));
		expect(await filed(page, title)).toBe(1);
	});
});

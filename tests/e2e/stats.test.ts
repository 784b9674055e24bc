import { expect, test, type Page } from '@playwright/test';

/** A whole-number figure, whatever the locale's grouping ("1 504", "1,504"); the rate's percent is whole too. */
const figure = async (page: Page, name: string) => Number((await page.locator(`[data-figure="${name}"]`).innerText()).replace(/\D/g, ''));

test('the statistics page shows the real figures of the database, in Polish first', async ({ page }) => {
	await page.goto('/stats');
	await expect(page.locator('html')).toHaveAttribute('lang', 'pl');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Zgłoszenia w liczbach');

	// The server started with DEMO_REPORTS=1500 on an empty database; other tests may have added a few.
	const total = await figure(page, 'total');
	expect(total).toBeGreaterThanOrEqual(1500);
	expect(total).toBeLessThan(1600);
	expect((await figure(page, 'problems')) + (await figure(page, 'ideas'))).toBe(total);
	expect(await figure(page, 'problems')).toBeGreaterThan((await figure(page, 'ideas')) * 5);
	const rate = await figure(page, 'resolution-rate');
	expect(rate).toBeGreaterThan(80);
	expect(rate).toBeLessThan(95);

	// The district table adds up to the same total.
	const rows = page.getByRole('row').filter({ has: page.getByRole('rowheader') });
	await expect(rows).toHaveCount(18);
	let sum = 0;
	for (const row of await rows.all()) sum += Number((await row.getByRole('cell').first().innerText()).replace(/\D/g, ''));
	expect(sum).toBe(total);
	await expect(page.getByRole('rowheader', { name: 'XVIII Nowa Huta' })).toBeVisible();
	await expect(page.getByRole('note')).toContainText('wygenerowane');
});

test('switching to English keeps the figures and remembers the choice', async ({ page }) => {
	await page.goto('/stats');
	const total = await figure(page, 'total');
	await page.getByRole('link', { name: 'EN' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Reports in figures');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	expect(await figure(page, 'total')).toBe(total);
	await page.goto('/stats');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Reports in figures');
});

import { expect, test } from '@playwright/test';

/** The figures as numbers, whatever the locale's grouping (Polish uses a non-breaking space). */
const figure = async (page: import('@playwright/test').Page, name: string) =>
	Number((await page.locator(`[data-figure="${name}"]`).innerText()).replace(/[^\d,.]/g, '').replace(',', '.'));

test('the statistics page shows the real figures of the database, in Polish first', async ({ page }) => {
	await page.goto('/stats');
	await expect(page.locator('html')).toHaveAttribute('lang', 'pl');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Zgłoszenia w liczbach');

	// The server was started with DEMO_REPORTS=1500 on an empty database.
	const total = await figure(page, 'total');
	expect(total).toBe(1500);
	const problems = await figure(page, 'problems');
	const ideas = await figure(page, 'ideas');
	expect(problems + ideas).toBe(total);
	expect(problems).toBeGreaterThan(ideas * 5);
	const rate = await figure(page, 'resolution-rate');
	expect(rate).toBeGreaterThan(80);
	expect(rate).toBeLessThan(95);

	await expect(page.getByRole('note')).toContainText('wygenerowane');
	await expect(page.getByRole('row')).toHaveCount(19);
	await expect(page.getByRole('rowheader', { name: 'XVIII Nowa Huta' })).toBeVisible();
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

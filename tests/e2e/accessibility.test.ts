import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { mapReady } from './support.ts';

async function seriousViolations(page: Page) {
	const { violations } = await new AxeBuilder({ page }).analyze();
	return violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

test('no serious or critical axe violations on the map, list, form, report and statistics pages', async ({ page }) => {
	await page.goto('/');
	await mapReady(page);
	expect(await seriousViolations(page)).toEqual([]);

	await page.goto('/?type=problem&sort=votes&page=2');
	expect(await seriousViolations(page)).toEqual([]);

	await page.goto('/report');
	await mapReady(page);
	expect(await seriousViolations(page)).toEqual([]);

	await page.goto('/');
	await page.getByTestId('report-list').getByRole('link').first().click();
	await expect(page).toHaveURL(/\/reports\/KCK-/);
	await mapReady(page);
	expect(await seriousViolations(page)).toEqual([]);

	await page.goto('/stats');
	expect(await seriousViolations(page)).toEqual([]);
});

test('a report can be filed with the keyboard alone', async ({ page }) => {
	await page.goto('/');
	// From the top of the page: the skip link, the brand, then the navigation.
	const report = page.getByRole('link', { name: 'Zgłoś', exact: true });
	for (let i = 0; i < 10 && !(await report.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/report$/);

	const focusAndType = async (label: string | RegExp, text: string) => {
		const field = page.getByLabel(label);
		for (let i = 0; i < 40 && !(await field.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
		await page.keyboard.type(text);
	};
	await focusAndType('Szerokość geograficzna', '50.0615');
	await focusAndType('Długość geograficzna', '19.9391');
	const category = page.getByLabel('Kategoria');
	for (let i = 0; i < 40 && !(await category.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
	await page.keyboard.press('ArrowDown');
	await expect(category).not.toHaveValue('');
	await focusAndType('Tytuł', 'Zgłoszone z klawiatury');
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/reports\/KCK-\d{4}-\d{6}\?created=1$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Zgłoszone z klawiatury');
});

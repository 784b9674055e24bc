import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { mapReady } from './support.ts';

async function seriousViolations(page: Page) {
	const { violations } = await new AxeBuilder({ page }).analyze();
	return violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

test('no serious or critical axe violations on the map, list, form, report, statistics, district, "how to read" and e-mail alert pages', async ({ page }) => {
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
	await expect(page.locator('figure.chart canvas').first()).toHaveAttribute('data-series', /\[/);
	expect(await seriousViolations(page)).toEqual([]);

	await page.goto('/districts/12');
	await mapReady(page);
	expect(await seriousViolations(page)).toEqual([]);

	await page.goto('/stats/how-to-read');
	expect(await seriousViolations(page)).toEqual([]);

	await page.goto('/alerts?district=12');
	expect(await seriousViolations(page)).toEqual([]);
});

test('a report can be filed with the keyboard alone', async ({ page }) => {
	const tabTo = async (target: Locator) => {
		for (let i = 0; i < 40 && !(await target.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
		await expect(target).toBeFocused();
	};
	await page.goto('/');
	// From the top of the page: the skip link, the brand, then the navigation.
	await tabTo(page.getByRole('link', { name: 'Zgłoś', exact: true }));
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/report$/);
	await mapReady(page);

	// The map takes focus on the way (its arrow keys pan it) and shows it, inside its edge: MapLibre clips anything outside.
	const map = page.locator('.maplibregl-canvas');
	await tabTo(map);
	const ring = await map.evaluate((el) => {
		const style = getComputedStyle(el);
		return { style: style.outlineStyle, width: parseFloat(style.outlineWidth), offset: parseFloat(style.outlineOffset) };
	});
	expect(ring.style).not.toBe('none');
	expect(ring.width).toBeGreaterThan(0);
	expect(ring.offset + ring.width).toBeLessThanOrEqual(0);

	const focusAndType = async (label: string | RegExp, text: string) => {
		await tabTo(page.getByLabel(label));
		await page.keyboard.type(text);
	};
	await focusAndType('Szerokość geograficzna', '50.0615');
	await focusAndType('Długość geograficzna', '19.9391');
	const category = page.getByLabel('Kategoria');
	await tabTo(category);
	await page.keyboard.press('ArrowDown');
	await expect(category).not.toHaveValue('');
	await focusAndType('Tytuł', 'Zgłoszone z klawiatury');
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/reports\/KCK-\d{4}-\d{6}\?created=1$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Zgłoszone z klawiatury');
});

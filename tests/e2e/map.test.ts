import { expect, test } from '@playwright/test';
import { GROUP_COLORS } from '../../src/lib/components/status-colors.ts';
import { around, colourAtCentre, fileReport, mapReady } from './support.ts';

test('the map shows Kraków’s districts with counts, offline, and the list beside it', async ({ page }) => {
	await page.goto('/');
	await mapReady(page);
	// The configured base style cannot be reached: the map says so and still works.
	await expect(page.getByRole('status').filter({ hasText: 'Podkład mapy jest niedostępny' })).toBeVisible();
	const districts = page.locator('button.cluster.district');
	await expect(districts.first()).toBeVisible();
	expect(await districts.count()).toBeGreaterThanOrEqual(15);
	await expect(page.getByRole('button', { name: /^Stare Miasto: \d+ zgłoszeń/ })).toBeVisible();
	await expect(page.getByTestId('report-list').getByRole('listitem')).toHaveCount(20);
	await expect(page.getByRole('note')).toContainText('Dane demonstracyjne są wygenerowane');

	// A count is a button: it zooms in, and the view lands in the URL for sharing.
	await page.getByRole('button', { name: /^Stare Miasto:/ }).click();
	await expect(page).toHaveURL(/bbox=19\.\d+%2C50\.\d+/);
	await expect(page.getByRole('heading', { name: 'Zgłoszenia w widoku mapy' })).toBeVisible();
});

test('filters narrow the map and the list, and the filtered view is a link to share', async ({ page }) => {
	await page.goto('/');
	await mapReady(page);
	await page.getByRole('radio', { name: 'Pomysł' }).check();
	await expect(page).toHaveURL(/type=idea/);
	const items = page.getByTestId('report-list').getByRole('listitem');
	await expect(items.first()).toContainText('Pomysł:');
	for (const text of await items.allInnerTexts()) expect(text).toContain('Pomysł:');

	await page.getByLabel('Dzielnica').selectOption({ label: 'XVIII Nowa Huta' });
	await expect(page).toHaveURL(/district=18/);
	await expect(items.first()).toContainText('Nowa Huta');
	for (const text of await items.allInnerTexts()) expect(text).toContain('Nowa Huta');

	// The same URL, opened fresh, restores the filters.
	const shared = page.url();
	const other = await page.context().newPage();
	await other.goto(shared);
	await expect(other.getByRole('radio', { name: 'Pomysł' })).toBeChecked();
	await expect(other.getByLabel('Dzielnica')).toHaveValue('18');
	expect(await other.getByTestId('report-list').getByRole('listitem').allInnerTexts()).toEqual(await items.allInnerTexts());
});

test('a pin is drawn where a report is, and filters take it off the map', async ({ page }) => {
	const at = { lng: 19.94412, lat: 50.06455 };
	await fileReport(page, { ...at, title: 'Pin do sprawdzenia na mapie' });
	await page.goto(`/?bbox=${around(at.lng, at.lat)}`);
	await mapReady(page);
	expect(await colourAtCentre(page, GROUP_COLORS.open)).toBeGreaterThan(20);
	await expect(page.getByTestId('report-list')).toContainText('Pin do sprawdzenia na mapie');

	// Clicking the pin opens its popup, with a link to the report.
	const map = page.getByTestId('map');
	const box = (await map.boundingBox())!;
	await map.click({ position: { x: box.width / 2, y: box.height / 2 } });
	const popup = page.locator('.maplibregl-popup');
	await expect(popup).toContainText('Pin do sprawdzenia na mapie');
	await expect(popup).toContainText('Nowe');
	await expect(popup).toContainText('Głosy „mnie też”: 0');
	await popup.getByRole('link', { name: 'Zobacz zgłoszenie' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pin do sprawdzenia na mapie');

	await page.goto(`/?bbox=${around(at.lng, at.lat)}&status=resolved`);
	await mapReady(page);
	expect(await colourAtCentre(page, GROUP_COLORS.open)).toBe(0);
});

test('moving the map and then leaving the page stays on the next page', async ({ page }) => {
	await page.goto('/');
	const map = await mapReady(page);
	const box = (await map.boundingBox())!;
	await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
	await page.mouse.down();
	await page.mouse.move(box.x + box.width / 2 + 80, box.y + box.height / 2 + 40, { steps: 5 });
	await page.mouse.up();
	// Leave before the map's move is written into the URL (it waits 350 ms).
	await page.getByRole('link', { name: 'Statystyki', exact: true }).click();
	await expect(page).toHaveURL('/stats');
	await page.waitForTimeout(1000);
	await expect(page).toHaveURL('/stats');
});

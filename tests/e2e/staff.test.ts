import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { GROUP_COLORS } from '../../src/lib/components/status-colors.ts';
import { around, colourAtCentre, mapReady } from './support.ts';
import { E2E_ADMIN, ensureAccounts, GREENERY, logInAs, OPERATOR } from './staff-support.ts';

test.beforeAll(async ({ browser }) => {
	const page = await browser.newPage();
	await ensureAccounts(page);
	await page.close();
});

const AT = { lng: 19.95123, lat: 50.06789 };

const headlineRate = async (page: Page) => {
	await page.goto('/stats');
	return (await page.locator('[data-figure="this-month-resolution-rate"]').innerText()).trim();
};

async function seriousViolations(page: Page) {
	const { violations } = await new AxeBuilder({ page }).analyze();
	return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
}

test('an operator takes a phone report and forwards it; the department resolves it; the public page, the map and the statistics show it', async ({ page, browser }) => {
	const rateBefore = await headlineRate(page);

	await logInAs(page, OPERATOR);
	await page.goto('/staff/intake', { waitUntil: 'networkidle' });
	await page.getByLabel('Szerokość geograficzna').fill(String(AT.lat));
	await page.getByLabel('Długość geograficzna').fill(String(AT.lng));
	await page.getByLabel('Adres lub opis miejsca').fill('ul. Mogilska 10, przy przystanku');
	await page.getByLabel('Kategoria').selectOption('grass_mowing');
	await page.getByLabel('Tytuł').fill('Wysoka trawa przy przystanku (zgłoszenie telefoniczne)');
	await page.getByLabel('E-mail').fill('dzwoniaca@example.com');
	await page.getByRole('button', { name: 'Zapisz zgłoszenie' }).click();
	await expect(page).toHaveURL(/\/staff\/reports\/KCK-\d{4}-\d+$/);
	const ref = page.url().match(/KCK-\d{4}-\d+/)![0];
	await expect(page.getByText('(telefonicznie), wprowadził(a) operator@kck.test')).toBeVisible();
	await expect(page.getByText('dzwoniaca@example.com')).toBeVisible();

	await page.getByLabel('Przekaż jednostce (lub zmień jednostkę)').check();
	// The category's own department comes preselected.
	await expect(page.getByLabel('Jednostka (przy przekazaniu)')).toHaveValue('zzm');
	await page.getByLabel('Notatka publiczna (opcjonalnie)').fill('Przekazano do Zarządu Zieleni Miejskiej.');
	await page.getByRole('button', { name: 'Zapisz zmianę' }).click();
	await expect(page.getByTestId('history')).toContainText('Przekazane do jednostki');
	expect(await seriousViolations(page)).toEqual([]);

	const department = await (await browser.newContext()).newPage();
	await logInAs(department, GREENERY);
	await department.goto('/staff/department');
	expect(await seriousViolations(department)).toEqual([]);
	// By keyboard: the report's link in the queue, then Enter.
	const link = department.getByTestId('queue').getByRole('link', { name: ref });
	await link.focus();
	await department.keyboard.press('Enter');
	await expect(department).toHaveURL(`/staff/reports/${ref}`);
	await department.getByLabel('Rozwiązane').check();
	await department.getByLabel('Notatka publiczna (opcjonalnie)').fill('Trawa skoszona 30 listopada.');
	await department.getByRole('button', { name: 'Zapisz zmianę' }).click();
	await expect(department.getByTestId('history')).toContainText('Trawa skoszona 30 listopada.');

	await page.goto(`/reports/${ref}`);
	await expect(page.locator('.badges')).toContainText('Rozwiązane');
	await expect(page.getByText('Trawa skoszona 30 listopada.')).toBeVisible();
	await expect(page.getByText('dzwoniaca@example.com')).toHaveCount(0);

	await page.goto(`/?bbox=${around(AT.lng, AT.lat)}`);
	await mapReady(page);
	expect(await colourAtCentre(page, GROUP_COLORS.resolved)).toBeGreaterThan(20);

	await expect.poll(() => headlineRate(page)).not.toBe(rateBefore);
});

test('two staff acting on one report at once: one wins, the other is told it changed', async ({ browser }) => {
	const [first, second] = [await (await browser.newContext()).newPage(), await (await browser.newContext()).newPage()];
	await logInAs(first, OPERATOR);
	await logInAs(second, E2E_ADMIN);
	await first.goto('/staff/triage');
	const ref = (await first.getByTestId('queue').getByRole('link').first().innerText()).trim();
	await first.goto(`/staff/reports/${ref}`);
	await second.goto(`/staff/reports/${ref}`);

	await first.getByLabel('Przyjmij').check();
	await first.getByRole('button', { name: 'Zapisz zmianę' }).click();
	await expect(first.getByRole('status')).toHaveText('Zapisano.');

	await second.getByLabel('Odrzuć (z powodem)').check();
	await second.getByLabel('Powód odrzucenia (publiczny)').fill('Nie dotyczy miasta');
	await second.getByRole('button', { name: 'Zapisz zmianę' }).click();
	await expect(second.getByRole('alert')).toHaveText(/Ktoś inny zmienił to zgłoszenie/);
	await second.reload();
	await expect(second.locator('.badges')).toContainText('Przyjęte');
});

test('the triage queue filters; the admin sees every action in the audit log; the staff pages pass axe', async ({ page }) => {
	await logInAs(page, E2E_ADMIN);
	await page.goto('/staff/triage');
	expect(await seriousViolations(page)).toEqual([]);
	await page.getByLabel('Dzielnica').selectOption('1');
	await page.getByRole('button', { name: 'Pokaż' }).click();
	await expect(page).toHaveURL(/district=1/);
	for (const row of await page.getByTestId('queue').locator('tbody tr').all()) await expect(row).toContainText('Stare Miasto');

	await page.goto('/staff/admin/audit?action=report_action');
	expect(await seriousViolations(page)).toEqual([]);
	await expect(page.getByTestId('audit')).toContainText('zzm@kck.test');
	await expect(page.getByTestId('audit')).toContainText('operator@kck.test');
	for (const path of ['/staff/intake', '/staff/intake/bulk', '/staff/admin/accounts', '/staff/admin/catalog']) {
		await page.goto(path);
		expect(await seriousViolations(page), path).toEqual([]);
	}
	await page.goto(`/staff/admin/audit?account=999999`);
	await expect(page.getByTestId('audit').locator('tbody tr')).toHaveCount(0);
});

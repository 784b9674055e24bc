import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';

const ROOT = path.resolve(import.meta.dirname, '../..');

test('a resident follows a report by e-mail from its page; without a mail server the page says the confirmation was kept', async ({ page }) => {
	await page.goto('/');
	await page.getByTestId('report-list').getByRole('link').first().click();
	await expect(page).toHaveURL(/\/reports\/KCK-/);
	const ref = page.url().match(/KCK-\d{4}-\d+/)![0];
	// The URL changes before the new page is drawn: wait for it, or the map's own link is the one clicked.
	await expect(page.locator('.ref')).toHaveText(ref);
	await page.getByTestId('alert-link').click();
	await expect(page).toHaveURL(`/alerts?report=${ref}`);
	await expect(page.getByText(`Mapa KCK: zgłoszenie ${ref}`)).toBeVisible();

	await page.getByLabel('Adres e-mail').fill('nie-adres@');
	await page.getByRole('button', { name: 'Zapisz mnie' }).click();
	await expect(page.getByRole('alert')).toHaveText('To nie wygląda na adres e-mail.');

	await page.getByLabel('Adres e-mail').fill('mieszkanka@example.com');
	await page.getByRole('button', { name: 'Zapisz mnie' }).click();
	await expect(page.getByTestId('alert-outcome')).toContainText('skrzynki nadawczej (tabela alert_messages)');
});

test('the district page and the map link e-mail alerts for what they show', async ({ page }) => {
	await page.goto('/districts/5');
	await expect(page.getByTestId('alert-link')).toHaveAttribute('href', '/alerts?district=5');
	await page.goto('/?bbox=19.9,50.04,19.98,50.08');
	await expect(page.getByTestId('alert-link')).toHaveAttribute('href', /^\/alerts\?bbox=/);
	await page.getByTestId('alert-link').click();
	await expect(page.getByText('Mapa KCK: zgłoszenia w wybranym obszarze')).toBeVisible();
});

test('a command refuses the embedded database while the app holds it, instead of corrupting it', async () => {
	const command = promisify(execFile)(process.execPath, ['src/lib/server/cli/send-alerts.ts'], {
		cwd: ROOT,
		env: { ...process.env, DATABASE_URL: '', DATA_DIR: 'tests/.tmp/e2e-data' }
	});
	const failure = await command.then(() => null, (e: { code: number; stderr: string }) => e);
	expect(failure?.code).toBe(1);
	expect(failure?.stderr).toMatch(/in use by process \d+ .*DATABASE_URL/);
});

import { expect, type Page } from '@playwright/test';

/** The admin the e2e server's start command creates with `staff:create-admin`. */
export const E2E_ADMIN = { email: 'admin@kck.test', password: 'e2e admin password 2026' };

/** Logs in on the staff login page and waits for the staff menu. */
export async function logInAs(page: Page, account: { email: string; password: string }): Promise<void> {
	await page.goto('/staff/login');
	await page.getByLabel('Adres e-mail').fill(account.email);
	await page.getByLabel('Hasło').fill(account.password);
	await page.getByRole('button', { name: 'Zaloguj' }).click();
	await expect(page.getByRole('navigation', { name: 'Menu pracownika' })).toBeVisible();
}

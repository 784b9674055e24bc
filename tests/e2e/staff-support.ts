import { expect, type Page } from '@playwright/test';

/** The admin the e2e server's start command creates with `staff:create-admin`. */
export const E2E_ADMIN = { email: 'admin@kck.test', password: 'e2e admin password 2026' };

/** Logs in on the staff login page and waits for the staff menu. */
export async function logInAs(page: Page, account: { email: string; password: string }): Promise<void> {
	// Filled once the scripts have run: hydration would otherwise put the fields back as the server sent them.
	await page.goto('/staff/login', { waitUntil: 'networkidle' });
	await page.getByLabel('Adres e-mail').fill(account.email);
	await page.getByLabel('Hasło').fill(account.password);
	await page.getByRole('button', { name: 'Zaloguj' }).click();
	await expect(page.getByRole('navigation', { name: 'Menu pracownika' })).toBeVisible();
}

interface E2eAccount {
	email: string;
	password: string;
	name: string;
	role: 'operator' | 'department';
	department?: string;
}

export const OPERATOR: E2eAccount = { email: 'operator@kck.test', password: 'operator password 2026', name: 'Olga Operatorka', role: 'operator' };
export const GREENERY: E2eAccount = { email: 'zzm@kck.test', password: 'greenery password 2026', name: 'Zenon Zieleń', role: 'department', department: 'zzm' };
export const ROADS: E2eAccount = { email: 'zdmk@kck.test', password: 'roads password 2026', name: 'Dorota Drogi', role: 'department', department: 'zdmk' };

/** Makes the e2e accounts through the admin's page, once per server (a second time the page says they exist). */
export async function ensureAccounts(page: Page): Promise<void> {
	await logInAs(page, E2E_ADMIN);
	await page.goto('/staff/admin/accounts', { waitUntil: 'networkidle' });
	for (const account of [OPERATOR, GREENERY, ROADS]) {
		if (await page.getByTestId('accounts').getByText(account.email, { exact: true }).count()) continue;
		await page.getByLabel('E-mail').fill(account.email);
		await page.getByLabel('Imię i nazwisko').fill(account.name);
		await page.getByLabel('Rola').selectOption(account.role);
		if (account.department) await page.getByLabel(/^Jednostka/).selectOption(account.department);
		await page.getByLabel(/^Hasło początkowe/).fill(account.password);
		await page.getByRole('button', { name: 'Utwórz konto' }).click();
		await expect(page.getByRole('status')).toHaveText(`Utworzono konto ${account.email}.`);
	}
	await page.context().clearCookies();
}

import { expect, test, type APIRequestContext } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { STRICT_CSV } from '../support/csv.ts';
import { E2E_ADMIN, logInAs } from './staff-support.ts';

const HEADER = 'latitude,longitude,category,title,description,address';
const ROWS = [
	'50.0717,20.0376,pavement,E2E zbiorcze: zapadnięty chodnik,"Przy bloku 3, od strony parkingu",os. Centrum A 3',
	'50.0726,20.0391,street_lighting,E2E zbiorcze: ciemna latarnia,"Nie świeci od tygodnia.\nPlac zabaw jest ciemny.",'
];
const OUTSIDE = '50.0614,21.5,pavement,E2E zbiorcze: poza Krakowem,Tarnów,';
/** This test's reports in the public open data. */
const published = async (request: APIRequestContext) =>
	(parse(await (await request.get('/data/reports.csv?district=18')).text(), STRICT_CSV) as Record<string, string>[]).filter((r) => r.title.startsWith('E2E zbiorcze'));
const file = (...rows: string[]) => ({ name: 'osiedle.csv', mimeType: 'text/csv', buffer: Buffer.from([HEADER, ...rows].join('\r\n') + '\r\n') });

test('an operator previews a CSV, a row outside Kraków saves nothing, the fixed file saves every row with its batch', async ({ page, request }) => {
	await logInAs(page, E2E_ADMIN);
	await page.getByRole('navigation', { name: 'Menu pracownika' }).getByRole('link', { name: 'Zgłoszenia z pliku CSV' }).click();
	await expect(page.getByRole('heading', { name: 'Zgłoszenia z pliku CSV' })).toBeVisible();
	const example = await request.get(await page.getByRole('link', { name: 'Przykładowy plik CSV' }).getAttribute('href') ?? '');
	expect(await example.text()).toMatch(/^lat,lng,category,title,description,address\n/);

	// The bad row is named by its line, 5 (the row before it spans two); the others pass; there is nothing to save.
	await page.getByLabel('Plik CSV').setInputFiles(file(...ROWS, OUTSIDE));
	await page.getByRole('button', { name: 'Sprawdź plik' }).click();
	const preview = page.getByTestId('preview');
	await expect(preview.locator('tbody tr')).toHaveCount(3);
	await expect(preview.locator('tr[data-line="5"]')).toContainText('To miejsce leży poza granicami Krakowa');
	await expect(preview.locator('tr[data-line="2"]')).toContainText('bez błędów');
	await expect(page.getByTestId('refused')).toContainText('Wiersze z błędami: 1 z 3. Nic nie zostało zapisane');
	await expect(page.getByRole('button', { name: /Zapisz wszystkie/ })).toHaveCount(0);
	expect(await published(request)).toEqual([]);

	// The fixed file: every row valid, then one save.
	await page.getByLabel('Plik CSV').setInputFiles(file(...ROWS));
	await page.getByRole('button', { name: 'Sprawdź plik' }).click();
	await expect(page.getByText('Wszystkie wiersze są poprawne (2).')).toBeVisible();
	await page.getByRole('button', { name: 'Zapisz wszystkie zgłoszenia (2)' }).click();

	const saved = page.getByTestId('saved');
	await expect(saved).toContainText('Zapisano zgłoszenia z pliku osiedle.csv (2).');
	await expect(page).toHaveURL(/\/staff\/intake\/bulk\?batch=\d+$/);
	const links = saved.getByRole('link');
	await expect(links).toHaveCount(2);
	const refs = await links.allTextContents();
	for (const [i, ref] of refs.entries()) await expect(links.nth(i)).toHaveAttribute('href', `/staff/reports/${ref}`);
	expect((await published(request)).map((r) => [r.id, r.title, r.channel, r.district])).toEqual([
		[refs[0], 'E2E zbiorcze: zapadnięty chodnik', 'in_person', '18'],
		[refs[1], 'E2E zbiorcze: ciemna latarnia', 'in_person', '18']
	]);
	// The description's line break survived the round trip through the preview's hidden field.
	await page.goto(`/reports/${refs[1]}`);
	await expect(page.getByRole('heading', { name: 'E2E zbiorcze: ciemna latarnia' })).toBeVisible();
	await expect(page.getByText('Plac zabaw jest ciemny.')).toBeVisible();
});

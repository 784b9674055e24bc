import { expect, test } from '@playwright/test';
import { around, colourAtCentre, fileReport, holdScripts, mapReady, openReportForm, photoJpeg } from './support.ts';
import { GROUP_COLORS } from '../../src/lib/components/status-colors.ts';

test('a new report with a photo appears on its page and on the map', async ({ page }) => {
	const at = { lng: 19.92601, lat: 50.07305 };
	const url = await fileReport(page, { ...at, title: 'Połamana ławka przy alei', category: 'street_cleaning', photo: await photoJpeg() });
	await expect(page.getByRole('status').filter({ hasText: 'Dziękujemy!' })).toContainText(/KCK-\d{4}-\d{6}/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Połamana ławka przy alei');
	await expect(page.getByText('V Krowodrza')).toBeVisible();
	const thumbnail = page.getByRole('img', { name: /Zdjęcie 1 do zgłoszenia/ });
	await expect(thumbnail).toBeVisible();
	expect(await thumbnail.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(100);
	await expect(page.getByText('Nowe').first()).toBeVisible();

	await page.goto(`/?bbox=${around(at.lng, at.lat)}`);
	await mapReady(page);
	expect(await colourAtCentre(page, GROUP_COLORS.open)).toBeGreaterThan(20);
	await page.getByTestId('report-list').getByRole('link', { name: 'Połamana ławka przy alei' }).click();
	await expect(page).toHaveURL(url);
});

test('a pin within 50 m of an open report offers "me too" instead of a new report', async ({ page }) => {
	const first = { lng: 19.95003, lat: 50.05802 };
	const url = await fileReport(page, { ...first, title: 'Nieświecąca latarnia', category: 'street_lighting' });

	await openReportForm(page);
	await page.getByLabel('Kategoria').selectOption('street_lighting');
	// About 20 m east of the first report.
	await page.getByLabel('Szerokość geograficzna').fill(String(first.lat));
	await page.getByLabel('Długość geograficzna').fill(String(first.lng + 0.00028));
	const nearby = page.getByTestId('nearby');
	await expect(nearby).toContainText('W promieniu 50 m');
	const item = nearby.getByRole('listitem').filter({ hasText: 'Nieświecąca latarnia' });
	await expect(item).toContainText(/\d+ m stąd/);
	await item.getByRole('button', { name: 'Mnie też to dotyczy' }).click();
	await expect(item.getByRole('status')).toHaveText('Dziękujemy, Twój głos został policzony.');

	await page.goto(url);
	await expect(page.getByTestId('votes')).toHaveText('Głosy „mnie też”: 1');
	// A second vote from the same resident changes nothing.
	await page.getByRole('button', { name: 'Mnie też to dotyczy' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Twój głos był już policzony' })).toBeVisible();
	await expect(page.getByTestId('votes')).toHaveText('Głosy „mnie też”: 1');
});

test('a pin outside Kraków is refused at once in the browser', async ({ page }) => {
	await page.goto('/report');
	await mapReady(page);
	await page.getByLabel('Szerokość geograficzna').fill('50.2');
	await page.getByLabel('Długość geograficzna').fill('19.8');
	await expect(page.getByTestId('outside')).toHaveText(/poza granicami Krakowa/);
	await expect(page.getByRole('button', { name: 'Wyślij zgłoszenie' })).toBeDisabled();
});

test('what a resident types before the scripts arrive is filed as typed', async ({ page, request }) => {
	const releaseScripts = await holdScripts(page);
	const at = { lng: 19.91742, lat: 50.06281 };
	const typed = {
		address: 'Park Jordana, przy wejściu od al. 3 Maja',
		title: 'Stojak rowerowy przy wejściu do parku',
		description: 'Rowery stoją przypięte do ogrodzenia, brakuje stojaka.',
		email: 'rowerzystka@example.com',
		phone: '+48 602 345 678'
	};

	await page.goto('/report', { waitUntil: 'domcontentloaded' });
	await page.getByLabel('Szerokość geograficzna').fill(String(at.lat));
	await page.getByLabel('Długość geograficzna').fill(String(at.lng));
	await page.getByLabel(/Adres/).fill(typed.address);
	await page.getByRole('radio', { name: 'Pomysł' }).check();
	await page.getByLabel('Kategoria').selectOption('street_furniture');
	await page.getByLabel('Tytuł').fill(typed.title);
	await page.getByLabel(/Opis/).fill(typed.description);
	await page.getByLabel('E-mail').fill(typed.email);
	await page.getByLabel('Telefon').fill(typed.phone);
	releaseScripts();
	await mapReady(page);

	const sent = page.waitForRequest((r) => r.method() === 'POST' && new URL(r.url()).pathname === '/report');
	await page.getByRole('button', { name: 'Wyślij zgłoszenie' }).click();
	await expect(page).toHaveURL(/\/reports\/KCK-\d{4}-\d{6}\?created=1$/);
	const ref = new URL(page.url()).pathname.split('/').pop();
	// The report's page is read from the database.
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(typed.title);
	await expect(page.getByText(typed.description)).toBeVisible();
	await expect(page.getByText('Pomysł: Ławka, kosz, stojak rowerowy')).toBeVisible();
	await expect(page.getByText(typed.address)).toBeVisible();
	// The stored pin, to the metre, by the "me too" query.
	const { reports } = await (await request.get(`/api/reports/nearby?lng=${at.lng}&lat=${at.lat}&category=street_furniture`)).json();
	expect(reports).toContainEqual(expect.objectContaining({ publicRef: ref, metres: 0, type: 'idea', category: 'street_furniture', title: typed.title }));
	// Contact details are shown nowhere, so the test reads what the browser sent; tests/db/reports/create.test.ts shows both are stored.
	const post = await sent;
	const form = await new Response(new Uint8Array(post.postDataBuffer()!), { headers: { 'Content-Type': (await post.allHeaders())['content-type'] } }).formData();
	expect({ email: form.get('email'), phone: form.get('phone') }).toEqual({ email: typed.email, phone: typed.phone });
});

test('a category chosen before the scripts arrive sets the type, so it stays on offer', async ({ page }) => {
	const releaseScripts = await holdScripts(page);
	await page.goto('/report', { waitUntil: 'domcontentloaded' });
	// Every category is on the list until then, an idea's too, while "Problem" is still checked.
	await page.getByLabel('Kategoria').selectOption('green_patch');
	releaseScripts();
	await mapReady(page);
	await expect(page.getByRole('radio', { name: 'Pomysł' })).toBeChecked();
	await expect(page.getByLabel('Kategoria')).toHaveValue('green_patch');
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the form still files a report, and the server refuses bad input keeping what was typed', async ({ page }) => {
		await page.goto('/report');
		await page.getByLabel('Szerokość geograficzna').fill('50.2');
		await page.getByLabel('Długość geograficzna').fill('19.8');
		await page.getByRole('radio', { name: 'Problem' }).check();
		await page.getByLabel('Kategoria').selectOption('graffiti');
		await page.getByLabel('Tytuł').fill('Graffiti poza miastem');
		await page.getByLabel(/Opis/).fill('Opis, który ma przetrwać błąd');
		await page.getByRole('button', { name: 'Wyślij zgłoszenie' }).click();
		// PostGIS on the server says no, and nothing typed is lost.
		await expect(page.getByRole('alert')).toContainText('poza granicami Krakowa');
		await expect(page.getByLabel('Tytuł')).toHaveValue('Graffiti poza miastem');
		await expect(page.getByLabel(/Opis/)).toHaveValue('Opis, który ma przetrwać błąd');

		await page.getByLabel('Tytuł').fill('');
		await page.getByLabel('Szerokość geograficzna').fill('50.0614');
		await page.getByLabel('Długość geograficzna').fill('19.9372');
		await page.getByRole('button', { name: 'Wyślij zgłoszenie' }).click();
		await expect(page.getByRole('alert')).toContainText('Podaj tytuł');

		await page.getByLabel('Tytuł').fill('Graffiti na Rynku');
		await page.getByRole('button', { name: 'Wyślij zgłoszenie' }).click();
		await expect(page).toHaveURL(/\/reports\/KCK-\d{4}-\d{6}\?created=1$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Graffiti na Rynku');
		await expect(page.getByText('I Stare Miasto')).toBeVisible();
	});

	test('a fake image is refused with a clear message and no report is filed', async ({ page }) => {
		await page.goto('/report');
		await page.getByLabel('Szerokość geograficzna').fill('50.0614');
		await page.getByLabel('Długość geograficzna').fill('19.9372');
		await page.getByLabel('Kategoria').selectOption('pothole');
		await page.getByLabel('Tytuł').fill('Zgłoszenie z fałszywym zdjęciem');
		await page.getByLabel(/Zdjęcia/).setInputFiles({ name: 'zdjecie.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('to nie jest zdjęcie, tylko tekst') });
		await page.getByRole('button', { name: 'Wyślij zgłoszenie' }).click();
		await expect(page.getByRole('alert')).toContainText('Nie udało się odczytać zdjęcia');
		await expect(page.getByLabel('Tytuł')).toHaveValue('Zgłoszenie z fałszywym zdjęciem');
		await page.getByLabel(/Zdjęcia/).setInputFiles({ name: 'ogromne.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(11 * 1024 * 1024, 1) });
		await page.getByRole('button', { name: 'Wyślij zgłoszenie' }).click();
		await expect(page.getByRole('alert')).toContainText('najwyżej 10 MB');
		await page.goto(`/?bbox=${around(19.9372, 50.0614)}`);
		await expect(page.getByTestId('report-list')).not.toContainText('Zgłoszenie z fałszywym zdjęciem');
	});
});

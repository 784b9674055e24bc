import { expect, test } from '@playwright/test';
import { fileReport, mapReady, openReportForm } from './support.ts';

const RYNEK_Z16 = '/tiles/16/36397/22209';

test('tiles carry cache headers, revalidate, and change when reports change', async ({ page, request }) => {
	const { version } = await (await request.get('/api/map-version')).json();
	const current = await request.get(`${RYNEK_Z16}?v=${version}`);
	expect(current.status()).toBe(200);
	expect(current.headers()['content-type']).toBe('application/vnd.mapbox-vector-tile');
	expect(current.headers()['cache-control']).toBe('public, max-age=86400');
	const etag = current.headers()['etag'];
	expect(etag).toMatch(/^"\d+-16-36397-22209-/);
	expect((await request.get(`${RYNEK_Z16}?v=${version}`, { headers: { 'If-None-Match': etag } })).status()).toBe(304);
	// A stale version in the URL is answered, but must be revalidated.
	expect((await request.get(`${RYNEK_Z16}?v=${version - 1}`)).headers()['cache-control']).toBe('public, no-cache');

	await fileReport(page, { lng: 19.9365, lat: 50.0611, title: 'Zmiana na mapie' });
	const after = await (await request.get('/api/map-version')).json();
	expect(after.version).toBeGreaterThan(version);
	const changed = await request.get(`${RYNEK_Z16}?v=${after.version}`, { headers: { 'If-None-Match': etag } });
	expect(changed.status()).toBe(200);
	expect(changed.headers()['etag']).not.toBe(etag);
});

test('bad requests get a clear 4xx, never a 500', async ({ request, baseURL }) => {
	const nearby = await request.get('/api/reports/nearby?lng=abc&lat=50');
	expect(nearby.status()).toBe(400);
	expect((await nearby.json()).error.message).toBe('Wskaż miejsce na mapie lub podaj współrzędne.');
	expect((await request.get('/api/reports/nearby?lng=19.93')).status()).toBe(400);
	expect((await request.get('/tiles/30/1/1')).status()).toBe(404);
	expect((await request.get('/tiles/3/9/1')).status()).toBe(404);
	expect((await request.get('/tiles/a/b/c')).status()).toBe(404);
	expect((await request.get('/reports/not-a-ref')).status()).toBe(404);
	expect((await request.get('/reports/KCK-2024-999999')).status()).toBe(404);
	expect((await request.get('/api/reports/999999')).status()).toBe(404);
	expect((await request.get('/api/reports/12abc')).status()).toBe(404);
	const vote = await request.post('/api/reports/999999/votes', { headers: { Origin: baseURL! } });
	expect(vote.status()).toBe(404);
	expect((await vote.json()).error.message).toContain('Nie ma takiego zgłoszenia');
	expect((await request.get('/photos/..%2F..%2Fpackage.json')).status()).toBe(404);
	expect((await request.get('/photos/nope.webp')).status()).toBe(404);
	const huge = await request.post('/report', {
		headers: { Origin: baseURL! },
		multipart: { title: 'Za duże', photos: { name: 'a.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(33 * 1024 * 1024) } }
	});
	expect(huge.status()).toBe(413);
	// Unknown filter values are ignored rather than failing the page.
	expect((await request.get('/?type=dragons&district=99&period=forever&bbox=1,2,3')).status()).toBe(200);
});

test('the reporter’s contact details appear nowhere public; the page has OpenGraph tags', async ({ page, request }) => {
	await openReportForm(page);
	await page.getByLabel('Szerokość geograficzna').fill('50.0652');
	await page.getByLabel('Długość geograficzna').fill('19.9450');
	await page.getByLabel('Kategoria').selectOption('bins_waste');
	await page.getByLabel('Tytuł').fill('Przepełniony kosz');
	await page.getByLabel('E-mail').fill('mieszkanka@example.com');
	await page.getByLabel('Telefon').fill('+48 601 234 567');
	await page.getByRole('button', { name: 'Wyślij zgłoszenie' }).click();
	await expect(page).toHaveURL(/created=1/);
	const url = page.url().replace('?created=1', '');
	const publicBodies = [
		await (await request.get(url)).text(),
		await (await request.get('/?bbox=19.944,50.0647,19.946,50.0657')).text(),
		await (await request.get('/data/reports.csv')).text(),
		await (await request.get('/data/reports.geojson')).text()
	];
	expect(publicBodies[2]).toContain('Przepełniony kosz'); // the report is in the downloads, its contacts are not
	expect(publicBodies[3]).toContain('Przepełniony kosz');
	for (const body of publicBodies) {
		expect(body).not.toContain('mieszkanka@example.com');
		expect(body).not.toContain('601 234 567');
	}
	const html = await (await request.get(url)).text();
	expect(html).toMatch(/<meta property="og:title" content="Przepełniony kosz \(Nowe\)"/);
	expect(html).toContain(`<meta property="og:url" content="${url}"`);
});

test('"near me" centres the map on the resident and sorts the list by distance', async ({ page, context }) => {
	await context.grantPermissions(['geolocation']);
	await context.setGeolocation({ longitude: 19.9449, latitude: 50.0647 });
	await page.goto('/');
	await mapReady(page);
	await page.getByRole('button', { name: 'W pobliżu mnie' }).click();
	await expect(page).toHaveURL(/near=19\.9449%2C50\.0647/);
	await expect(page).toHaveURL(/sort=nearest/);
	await expect(page.getByLabel('Kolejność')).toHaveValue('nearest');
	const distances = (await page.getByTestId('report-list').getByText(/m stąd$/).allInnerTexts()).map((t) => Number(t.replace(/\D/g, '')));
	expect(distances.length).toBeGreaterThan(0);
	expect(distances).toEqual([...distances].sort((a, b) => a - b));
});

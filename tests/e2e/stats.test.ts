import { readFile } from 'node:fs/promises';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { fileReport } from './support.ts';

/** A cell's number as the page prints it ("1 504", "87,5%", "–" for none). */
const numberIn = (text: string): number | null => {
	const cleaned = text.replace(/[\s\u00a0%]/g, '').replace(',', '.');
	if (cleaned === '–') return null;
	if (!/^\d+(\.\d+)?$/.test(cleaned)) throw new Error(`not a figure: "${text}"`);
	return Number(cleaned);
};

/** A chart's table as numbers: one array per series (column), in row order (read from the DOM: the table may be folded). */
async function tableColumns(table: Locator): Promise<(number | null)[][]> {
	const rows = await table.locator('tbody tr').all();
	const cells = await Promise.all(rows.map(async (row) => (await row.locator('td').allTextContents()).map(numberIn)));
	return cells[0].map((_, column) => cells.map((row) => row[column]));
}

/** What the Chart.js chart really holds (StatsChart writes it on the canvas once drawn). */
async function chartColumns(figure: Locator): Promise<(number | null)[][]> {
	const canvas = figure.locator('canvas');
	await expect(canvas).toHaveAttribute('data-series', /\[/);
	return JSON.parse((await canvas.getAttribute('data-series'))!);
}

/** Nearly the longest range the page takes (120 months; one spare for the turn of a month in Kraków): the demo data lies within it. */
const ALL_TIME = (() => {
	const now = new Date();
	const index = now.getUTCFullYear() * 12 + now.getUTCMonth() - 118;
	return `/stats?from=${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
})();

const headlineFigure = async (page: Page, id: string) => numberIn(await page.locator(`[data-figure="${id}"]`).innerText());

test('the statistics page draws each chart from the same numbers as its table, and they add up to the database’s reports', async ({ page }) => {
	await page.goto(ALL_TIME);
	await expect(page.locator('html')).toHaveAttribute('lang', 'pl');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Statystyki zgłoszeń');
	await expect(page.getByRole('note')).toContainText('wygenerowane');

	const figures = page.locator('figure.chart');
	await expect(figures).toHaveCount(8);
	for (const figure of await figures.all()) {
		const table = figure.locator('table');
		expect(await chartColumns(figure), (await figure.getAttribute('id'))!).toEqual(await tableColumns(table));
	}

	// Problems and ideas per month add up to every visible report, as the map page counts them.
	const [problems, ideas] = await tableColumns(page.getByTestId('table-volume'));
	const total = [...problems, ...ideas].reduce<number>((sum, n) => sum + (n ?? 0), 0);
	await page.goto('/');
	const summary = await page.getByTestId('summary').innerText();
	expect(Number(summary.match(/^([\d\s\u00a0]+) zgłoszeń/)![1].replace(/\D/g, ''))).toBe(total);
	expect(total).toBeGreaterThanOrEqual(1500);
});

test('a chart’s CSV downloads and matches its table', async ({ page }) => {
	await page.goto(ALL_TIME);
	const figure = page.getByTestId('chart-channels');
	const downloading = page.waitForEvent('download');
	await figure.getByRole('link', { name: 'Pobierz CSV' }).click();
	const download = await downloading;
	expect(download.suggestedFilename()).toMatch(/^kck-channels-.*\.csv$/);
	const lines = (await readFile((await download.path())!, 'utf8')).trimEnd().split('\r\n');
	expect(lines[0]).toBe('Miesiąc,Internet,Telefon,E-mail,Osobiście');
	const rows = await figure.locator('tbody tr').all();
	expect(lines).toHaveLength(rows.length + 1);
	for (const [i, row] of rows.entries()) {
		const label = (await row.locator('th').textContent())!.trim();
		const values = (await row.locator('td').allTextContents()).map(numberIn);
		expect(lines[i + 1]).toBe([label, ...values].join(','));
	}
	// The link to this one chart keeps the filters.
	await expect(figure.getByRole('link', { name: 'Link do tego wykresu' })).toHaveAttribute('href', new RegExp(`^${ALL_TIME.replace('?', '\\?')}&to=\\d{4}-\\d{2}#chart-channels$`));
});

test('a report filed in one browser appears on the statistics page and the map open in another, with no reload', async ({ page, browser }) => {
	await page.goto('/stats');
	const before = (await headlineFigure(page, 'this-month-problems'))!;
	const map = await page.context().newPage();
	await map.goto('/');
	const summary = map.getByTestId('summary');
	const totalBefore = Number((await summary.innerText()).match(/^([\d\s\u00a0]+)/)![1].replace(/\D/g, ''));
	// A mark that a reload would wipe.
	await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));

	const resident = await browser.newContext({ locale: 'pl-PL' });
	await fileReport(await resident.newPage(), { lng: 19.94012, lat: 50.06451, title: 'Zgłoszenie na żywo', category: 'street_cleaning' });
	await resident.close();

	await expect.poll(() => headlineFigure(page, 'this-month-problems'), { timeout: 10_000 }).toBe(before + 1);
	await expect.poll(async () => Number((await summary.innerText()).match(/^([\d\s\u00a0]+)/)![1].replace(/\D/g, '')), { timeout: 10_000 }).toBe(totalBefore + 1);
	expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
});

test('a district page shows its own figures, map and reports only', async ({ page }) => {
	await page.goto('/stats');
	await page.getByTestId('choropleth').locator('a[href="/districts/5"]').click();
	await expect(page).toHaveURL('/districts/5');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dzielnica V Krowodrza');
	await expect(page.getByTestId('district-figures')).toContainText('Cały Kraków');
	await expect(page.getByTestId('map')).toHaveAttribute('data-ready', 'true');
	for (const list of ['list-newest', 'list-oldest-open', 'list-overdue']) {
		const districts = await page.getByTestId(list).locator('li .meta').allInnerTexts();
		for (const meta of districts) expect(meta).toContain('Krowodrza');
	}
	expect(await page.getByTestId('list-newest').locator('li').count()).toBeGreaterThan(0);

	for (const missing of ['/districts/19', '/districts/abc']) {
		const response = await page.goto(missing);
		expect(response!.status()).toBe(404);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('404');
	}
});

test('a wrong filter gets a 400 that says what is wrong, never a 500', async ({ page, request }) => {
	const response = await page.goto('/stats?from=2026-13');
	expect(response!.status()).toBe(400);
	await expect(page.getByText('Podaj miesiąc w postaci RRRR-MM')).toBeVisible();
	expect((await page.goto('/stats?from=2026-05&to=2026-01'))!.status()).toBe(400);
	await expect(page.getByText('Koniec okresu nie może być wcześniej')).toBeVisible();
	expect((await page.goto('/stats?category=nie_ma_takiej'))!.status()).toBe(400);

	const csv = await request.get('/stats/volume.csv?district=19', { headers: { 'accept-language': 'en' } });
	expect(csv.status()).toBe(400);
	expect(await csv.json()).toMatchObject({ error: { field: 'district', message: expect.stringContaining('no such district') } });
});

test('"How to read these figures" answers from every chart, in Polish and English', async ({ page }) => {
	await page.goto('/stats');
	await page.getByTestId('chart-resolution').getByRole('link', { name: 'Jak czytać te liczby' }).click();
	await expect(page).toHaveURL('/stats/how-to-read#resolution');
	await expect(page.locator('#resolution')).toHaveText('Skuteczność interwencji');
	await expect(page.locator('#duplicates')).toContainText('duplikaty');
	await page.goto('/stats/how-to-read?lang=en');
	await expect(page.locator('#not-competent')).toContainText("Not the city's competence");
	await expect(page.locator('#volume')).toContainText('filed');
});

import { expect, type Locator, type Page } from '@playwright/test';
import sharp from 'sharp';

/** Waits until the map has loaded its style, districts and report layers. */
export async function mapReady(page: Page): Promise<Locator> {
	const map = page.getByTestId('map').first();
	await expect(map).toHaveAttribute('data-ready', 'true');
	return map;
}

/**
 * Counts pixels of `hex` (±12 per channel) within `radius` px of the map's centre, from a real
 * screenshot: the proof that WebGL drew pins there, whatever the DOM says.
 */
export async function colourAtCentre(page: Page, hex: string, radius = 14): Promise<number> {
	const map = page.getByTestId('map').first();
	// Let tiles arrive and the frame settle.
	await page.waitForTimeout(1500);
	const { data, info } = await sharp(await map.screenshot()).raw().toBuffer({ resolveWithObject: true });
	const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
	const [cx, cy] = [Math.round(info.width / 2), Math.round(info.height / 2)];
	let count = 0;
	for (let y = cy - radius; y <= cy + radius; y++) {
		for (let x = cx - radius; x <= cx + radius; x++) {
			const i = (y * info.width + x) * info.channels;
			if (Math.abs(data[i] - r) <= 12 && Math.abs(data[i + 1] - g) <= 12 && Math.abs(data[i + 2] - b) <= 12) count++;
		}
	}
	return count;
}

/** A real JPEG made on the spot (a gradient, so it survives re-encoding as an image). */
export async function photoJpeg(): Promise<Buffer> {
	const width = 640;
	const height = 480;
	const pixels = Buffer.alloc(width * height * 3);
	for (let i = 0; i < width * height; i++) {
		pixels[i * 3] = (i % width) % 256;
		pixels[i * 3 + 1] = Math.floor(i / width) % 256;
		pixels[i * 3 + 2] = 128;
	}
	return sharp(pixels, { raw: { width, height, channels: 3 } }).jpeg().toBuffer();
}

/** A small box around a point, for a map view centred on it at street zoom. */
export const around = (lng: number, lat: number) => [lng - 0.0012, lat - 0.0006, lng + 0.0012, lat + 0.0006].map((n) => n.toFixed(6)).join(',');

/**
 * Holds the app's scripts back, as a slow connection does, until the returned function lets them
 * through; it fails if none was held, since then nothing happened before hydration.
 */
export async function holdScripts(page: Page): Promise<() => void> {
	let held = 0;
	let release!: () => void;
	const released = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		held++;
		await released;
		await route.continue();
	});
	return () => {
		expect(held, 'scripts held back').toBeGreaterThan(0);
		release();
	};
}

/** Opens the report form and waits until it has come alive. */
export async function openReportForm(page: Page) {
	await page.goto('/report');
	await mapReady(page);
}

/** Files a report through the form in the page's language (Polish), returning its page's URL. */
export async function fileReport(page: Page, report: { lng: number; lat: number; title: string; category?: string; photo?: Buffer }) {
	await openReportForm(page);
	await page.getByLabel('Szerokość geograficzna').fill(String(report.lat));
	await page.getByLabel('Długość geograficzna').fill(String(report.lng));
	await page.getByLabel('Kategoria').selectOption(report.category ?? 'pothole');
	await page.getByLabel('Tytuł').fill(report.title);
	if (report.photo) {
		await page.getByLabel(/Zdjęcia/).setInputFiles({ name: 'zdjecie.jpg', mimeType: 'image/jpeg', buffer: report.photo });
	}
	await page.getByRole('button', { name: 'Wyślij zgłoszenie' }).click();
	await expect(page).toHaveURL(/\/reports\/KCK-\d{4}-\d{6}\?created=1$/);
	return page.url().replace('?created=1', '');
}

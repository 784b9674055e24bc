import { beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { InputError } from '../../../src/lib/server/errors.ts';
import { MAX_INPUT_PIXELS, preparePhotos } from '../../../src/lib/server/photos/prepare.ts';

const solid = (width: number, height: number, options: { alpha?: boolean; noise?: boolean } = {}) =>
	sharp({
		create: {
			width,
			height,
			channels: options.alpha ? 4 : 3,
			background: { r: 200, g: 80, b: 40, alpha: 0.5 },
			...(options.noise ? { noise: { type: 'gaussian' as const, mean: 128, sigma: 40 } } : {})
		},
		limitInputPixels: false
	});
const file = (data: Uint8Array<ArrayBuffer> | string, name = 'photo.jpg', type = 'image/jpeg') => new File([data], name, { type });
const isWebp = (data: Buffer) => data.toString('latin1', 0, 4) === 'RIFF' && data.toString('latin1', 8, 12) === 'WEBP';
/** The GPS IFD pointer tag (0x8825) as it appears in little-endian EXIF. */
const GPS_POINTER = Buffer.from([0x25, 0x88]);

async function refusal(files: File[]): Promise<InputError> {
	const error = await preparePhotos(files).then(
		() => undefined,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(InputError);
	return error as InputError;
}

let phoneJpeg: Buffer<ArrayBuffer>;
beforeAll(async () => {
	// A phone-style photo: held upright (orientation 6 = rotate 90° clockwise) and geotagged.
	phoneJpeg = await solid(100, 50)
		.jpeg()
		.withExif({
			IFD0: { Make: 'TestPhone', Model: 'T1' },
			IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '50/1 3/1 41/1', GPSLongitudeRef: 'E', GPSLongitude: '19/1 56/1 14/1' }
		})
		.withMetadata({ orientation: 6 })
		.toBuffer();
});

describe('preparing photos', () => {
	it('starts from a geotagged, rotated JPEG (checks the fixture itself)', async () => {
		const metadata = await sharp(phoneJpeg).metadata();
		expect(metadata).toMatchObject({ format: 'jpeg', width: 100, height: 50, orientation: 6 });
		expect(metadata.exif?.includes(GPS_POINTER)).toBe(true);
		expect(metadata.exif?.includes(Buffer.from('TestPhone'))).toBe(true);
	});

	it('applies the EXIF orientation and strips every piece of metadata, GPS included', async () => {
		const [photo] = await preparePhotos([file(phoneJpeg)]);
		expect(photo).toMatchObject({ width: 50, height: 100, bytes: photo.full.length });
		for (const output of [photo.full, photo.thumb]) {
			expect(isWebp(output)).toBe(true);
			const metadata = await sharp(output).metadata();
			expect(metadata).toMatchObject({ format: 'webp', width: 50, height: 100 });
			expect(metadata.exif).toBeUndefined();
			expect(metadata.xmp).toBeUndefined();
			expect(metadata.iptc).toBeUndefined();
			expect(metadata.orientation).toBeUndefined();
			expect(output.includes(Buffer.from('TestPhone'))).toBe(false);
		}
	});

	it('shrinks a large photo to 1600 px and its thumbnail to 320 px, keeping the aspect ratio', async () => {
		const large = await solid(4000, 3000).jpeg().toBuffer();
		const [photo] = await preparePhotos([file(large)]);
		expect(photo).toMatchObject({ width: 1600, height: 1200 });
		expect(await sharp(photo.full).metadata()).toMatchObject({ format: 'webp', width: 1600, height: 1200 });
		expect(await sharp(photo.thumb).metadata()).toMatchObject({ format: 'webp', width: 320, height: 240 });
	});

	it('takes PNG (with transparency), WebP and AVIF by their content, whatever the name and declared type', async () => {
		const png = await solid(640, 480, { alpha: true }).png().toBuffer();
		const webp = await solid(900, 1800).webp().toBuffer();
		const avif = await solid(200, 100).avif().toBuffer();
		const photos = await preparePhotos([file(png, 'scan.jpg'), file(webp, 'x', 'text/plain'), file(avif, 'a.avif', 'image/avif')]);
		expect(photos.map(({ width, height }) => [width, height])).toEqual([
			[640, 480],
			[800, 1600],
			[200, 100]
		]);
		const thumbs = await Promise.all(photos.map((photo) => sharp(photo.thumb).metadata()));
		expect(thumbs.map(({ width, height }) => [width, height])).toEqual([
			[320, 240],
			[160, 320],
			[200, 100]
		]);
		expect(photos.every((photo) => isWebp(photo.full) && isWebp(photo.thumb))).toBe(true);
		expect(thumbs[0].hasAlpha).toBe(true);
	});

	it('ignores the empty part a browser sends for an unused file input', async () => {
		const png = await solid(10, 10).png().toBuffer();
		const empty = file(Buffer.alloc(0), '', 'application/octet-stream');
		expect(await preparePhotos([empty])).toEqual([]);
		expect(await preparePhotos([file(png), file(png), empty, file(png)])).toHaveLength(3);
	});
});

describe('refusing what is not a photo we take', () => {
	it('refuses more than three photos before decoding any', async () => {
		const png = await solid(10, 10).png().toBuffer();
		const error = await refusal([png, png, png, png].map((data) => file(data)));
		expect(error).toMatchObject({ key: 'errors.photos_too_many', field: 'photos', status: 400 });
	});

	it('refuses a file over 10 MB with 413', async () => {
		const error = await refusal([file(Buffer.alloc(11 * 1024 * 1024, 0xff))]);
		expect(error).toMatchObject({ key: 'errors.photo_too_large', field: 'photos', status: 413 });
	});

	it.each([
		['a text file named photo.jpg', async () => Buffer.from('This is not a photo, just text.\n'.repeat(50))],
		[
			'an SVG named photo.jpg',
			async () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><rect width="100" height="100"/></svg>')
		],
		['a GIF named photo.jpg', async () => solid(100, 100).gif().toBuffer()],
		['a TIFF named photo.jpg', async () => solid(100, 100).tiff().toBuffer()],
		['a PDF named photo.jpg', async () => Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')],
		[
			'a truncated JPEG',
			async () => {
				const jpeg = await solid(800, 600, { noise: true }).jpeg().toBuffer();
				return jpeg.subarray(0, Math.floor(jpeg.length * 0.6));
			}
		]
	])('refuses %s as invalid', async (_, make) => {
		const error = await refusal([file(await make())]);
		expect(error).toMatchObject({ key: 'errors.photo_invalid', field: 'photos', status: 400 });
	});

	it('refuses a decompression bomb: few bytes on disk, too many pixels to decode', async () => {
		const bomb = await solid(8000, 8000).png({ compressionLevel: 9 }).toBuffer();
		expect(8000 * 8000).toBeGreaterThan(MAX_INPUT_PIXELS);
		expect(bomb.length).toBeLessThan(1024 * 1024);
		const error = await refusal([file(bomb, 'photo.png', 'image/png')]);
		expect(error).toMatchObject({ key: 'errors.photo_invalid', field: 'photos' });
	});

	it('refuses all of them when one is bad, even after good ones', async () => {
		const error = await refusal([file(phoneJpeg), file('not an image')]);
		expect(error.key).toBe('errors.photo_invalid');
	});
});

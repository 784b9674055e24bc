import sharp from 'sharp';
import { InputError } from '../errors.ts';

export const MAX_PHOTOS = 3;
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
/** Lets through the full-resolution mode of 48 and 50 MP phone cameras; refuses decompression bombs. */
export const MAX_INPUT_PIXELS = 50_000_000;
export const FULL_SIZE = 1600;
export const THUMB_SIZE = 320;

/** Decoders we trust for photos; 'heif' covers AVIF, and HEIC as far as this sharp build can decode it. */
const PHOTO_FORMATS = new Set(['jpeg', 'png', 'webp', 'heif']);

/** A photo re-encoded for storage: WebP without metadata, the size the full image came out at. */
export interface PreparedPhoto {
	full: Buffer;
	thumb: Buffer;
	width: number;
	height: number;
	/** Size of `full` on disk. */
	bytes: number;
}

/**
 * Checks and re-encodes the photos attached to a report. Only the decoded pixels survive, so
 * whatever was hidden in the file (EXIF with the resident's GPS position, scripts in an SVG,
 * trailing data) does not. Checks all counts and sizes before decoding anything.
 */
export async function preparePhotos(files: File[]): Promise<PreparedPhoto[]> {
	// An empty file input still sends one nameless, empty part.
	const attached = files.filter((file) => file.size > 0);
	if (attached.length > MAX_PHOTOS) throw new InputError('errors.photos_too_many', { field: 'photos' });
	if (attached.some((file) => file.size > MAX_PHOTO_BYTES)) {
		throw new InputError('errors.photo_too_large', { status: 413, field: 'photos' });
	}
	const prepared: PreparedPhoto[] = [];
	// One after another, so a request holds at most one decoded image in memory.
	for (const file of attached) prepared.push(await preparePhoto(Buffer.from(await file.arrayBuffer())));
	return prepared;
}

async function preparePhoto(input: Buffer): Promise<PreparedPhoto> {
	const options = { limitInputPixels: MAX_INPUT_PIXELS };
	// Reads the header only: refuses other formats and too many pixels before anything is decoded.
	const format = await sharp(input, options)
		.metadata()
		.then((metadata) => metadata.format, () => undefined);
	if (!format || !PHOTO_FORMATS.has(format)) throw invalidPhoto();
	try {
		// sharp writes no metadata unless asked (keepExif, withMetadata…), so EXIF and GPS are dropped here.
		const { data: full, info } = await sharp(input, options)
			.rotate()
			.resize(FULL_SIZE, FULL_SIZE, { fit: 'inside', withoutEnlargement: true })
			.webp({ quality: 80 })
			.toBuffer({ resolveWithObject: true });
		// Fit inside rather than crop: the problem may be at the picture's edge; the page can still crop with CSS.
		const thumb = await sharp(full)
			.resize(THUMB_SIZE, THUMB_SIZE, { fit: 'inside', withoutEnlargement: true })
			.webp({ quality: 70 })
			.toBuffer();
		return { full, thumb, width: info.width, height: info.height, bytes: full.length };
	} catch {
		// Corrupt or truncated pixel data, or a HEIC this build has no decoder for.
		throw invalidPhoto();
	}
}

function invalidPhoto(): InputError {
	return new InputError('errors.photo_invalid', { field: 'photos' });
}

import { z } from 'zod';

export const LIST_SORTS = ['newest', 'votes', 'nearest'] as const;
export type ListSort = (typeof LIST_SORTS)[number];
export const PAGE_SIZE = 20;

/** [west, south, east, north] in degrees. */
export type Bbox = [number, number, number, number];

const lng = z.coerce.number().min(-180).max(180);
const lat = z.coerce.number().min(-90).max(90);

/** A point given in a query string, e.g. ?lng=19.93&lat=50.06 (the message is an i18n key). */
export const pointQuerySchema = z.object({ lng: lng, lat: lat }, 'errors.location');

/** Reads "w,s,e,n" from the URL; a malformed or inverted box is ignored rather than failing the page. */
export function parseBbox(value: string | null): Bbox | undefined {
	const parts = value?.split(',').map(Number);
	if (!parts || parts.length !== 4 || parts.some((n) => !Number.isFinite(n))) return undefined;
	const [w, s, e, n] = parts;
	if (w >= e || s >= n || Math.abs(w) > 180 || Math.abs(e) > 180 || Math.abs(s) > 90 || Math.abs(n) > 90) return undefined;
	return [w, s, e, n];
}

export function parseSort(value: string | null): ListSort {
	return (LIST_SORTS as readonly string[]).includes(value ?? '') ? (value as ListSort) : 'newest';
}

export function parsePage(value: string | null): number {
	const page = Number(value);
	return Number.isInteger(page) && page >= 1 && page <= 500 ? page : 1;
}

/** Reads "lng,lat" (a resident's location in the URL); anything else is ignored. */
export function parseNear(value: string | null): { lng: number; lat: number } | undefined {
	const [lng, lat] = value?.split(',').map(Number) ?? [];
	return Number.isFinite(lng) && Number.isFinite(lat) && Math.abs(lng) <= 180 && Math.abs(lat) <= 90 ? { lng, lat } : undefined;
}

/** The middle of a box, where "nearest" measures from when the resident has not shared a location. */
export function bboxCenter([w, s, e, n]: Bbox): { lng: number; lat: number } {
	return { lng: (w + e) / 2, lat: (s + n) / 2 };
}

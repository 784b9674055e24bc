import { parseMapFilters, type MapFilters } from './map-filters.ts';
import { parseBbox, type Bbox } from './list-query.ts';

/** What a download is narrowed to: the map's filters, a date range (days, in Kraków) and a box. */
export interface ExportFilters {
	map: MapFilters;
	/** 'YYYY-MM-DD', both included. */
	from?: string;
	to?: string;
	bbox?: Bbox;
}

export type ExportFiltersResult =
	| { ok: true; filters: ExportFilters }
	| { ok: false; field: 'from' | 'to' | 'bbox'; key: 'errors.export_date' | 'errors.stats_range' | 'errors.export_bbox' };

const DAY = /^(20\d\d|2100)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A real calendar day ('2026-02-30' is not one). */
function isDay(value: string): boolean {
	if (!DAY.test(value)) return false;
	const date = new Date(`${value}T00:00:00Z`);
	return date.toISOString().slice(0, 10) === value;
}

/**
 * Reads a download's filters from URL parameters: the map's own (type, category, status, district,
 * period, open), leniently as the map reads them, and strictly the date range and box, which a
 * script sets and must hear about when wrong.
 */
export function parseExportFilters(params: URLSearchParams): ExportFiltersResult {
	const value = (name: string) => params.get(name)?.trim() || undefined;
	const [from, to, box] = [value('from'), value('to'), value('bbox')];
	if (from !== undefined && !isDay(from)) return { ok: false, field: 'from', key: 'errors.export_date' };
	if (to !== undefined && !isDay(to)) return { ok: false, field: 'to', key: 'errors.export_date' };
	if (from && to && from > to) return { ok: false, field: 'to', key: 'errors.stats_range' };
	const bbox = box === undefined ? undefined : parseBbox(box);
	if (box !== undefined && !bbox) return { ok: false, field: 'bbox', key: 'errors.export_bbox' };
	return { ok: true, filters: { map: parseMapFilters(params), from, to, bbox } };
}

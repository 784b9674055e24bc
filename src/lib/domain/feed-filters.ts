import { isCategoryCode, REPORT_TYPES, type ReportType } from './report-types.ts';
import { parseBbox, type Bbox } from './list-query.ts';
import { isReportRef } from './report-ref.ts';

/** What a feed follows: the city, a district, a category or type, an area (a point and radius, or a box), or one report. */
export interface FeedFilters {
	district?: number;
	category?: string;
	type?: ReportType;
	/** A circle: metres around a point. */
	near?: { lng: number; lat: number; metres: number };
	bbox?: Bbox;
	/** One report's public reference. */
	report?: string;
}

export type FeedFilterError = 'errors.feed_radius' | 'errors.export_bbox' | 'errors.stats_district' | 'errors.stats_category' | 'errors.type' | 'errors.location' | 'errors.feed_report';

/** The largest circle a feed follows: the whole city fits in 20 km. */
export const MAX_RADIUS_M = 20_000;

/** Reads a feed's filters from URL parameters; a wrong one is refused with a reason (feed readers show it). */
export function parseFeedFilters(params: URLSearchParams): { ok: true; filters: FeedFilters } | { ok: false; field: string; key: FeedFilterError } {
	const value = (name: string) => params.get(name)?.trim() || undefined;
	const filters: FeedFilters = {};
	const district = value('district');
	if (district !== undefined) {
		if (!/^\d{1,2}$/.test(district) || Number(district) < 1) return { ok: false, field: 'district', key: 'errors.stats_district' };
		filters.district = Number(district);
	}
	const category = value('category');
	if (category !== undefined) {
		if (!isCategoryCode(category)) return { ok: false, field: 'category', key: 'errors.stats_category' };
		filters.category = category;
	}
	const type = value('type');
	if (type !== undefined) {
		if (!(REPORT_TYPES as readonly string[]).includes(type)) return { ok: false, field: 'type', key: 'errors.type' };
		filters.type = type as ReportType;
	}
	const [lng, lat, radius] = [value('lng'), value('lat'), value('radius')];
	if (lng !== undefined || lat !== undefined || radius !== undefined) {
		const [x, y, metres] = [Number(lng), Number(lat), Number(radius)];
		if (!(Number.isFinite(x) && Math.abs(x) <= 180 && Number.isFinite(y) && Math.abs(y) <= 90)) return { ok: false, field: 'lat', key: 'errors.location' };
		if (!(Number.isFinite(metres) && metres >= 1 && metres <= MAX_RADIUS_M)) return { ok: false, field: 'radius', key: 'errors.feed_radius' };
		filters.near = { lng: x, lat: y, metres };
	}
	const box = value('bbox');
	if (box !== undefined) {
		const bbox = parseBbox(box);
		if (!bbox) return { ok: false, field: 'bbox', key: 'errors.export_bbox' };
		filters.bbox = bbox;
	}
	const report = value('report');
	if (report !== undefined) {
		if (!isReportRef(report)) return { ok: false, field: 'report', key: 'errors.feed_report' };
		filters.report = report;
	}
	return { ok: true, filters };
}

/** The filters as URL parameters in a stable order (the feed's self link). */
export function feedFiltersToParams(filters: FeedFilters): URLSearchParams {
	const params = new URLSearchParams();
	if (filters.district) params.set('district', String(filters.district));
	if (filters.category) params.set('category', filters.category);
	if (filters.type) params.set('type', filters.type);
	if (filters.near) {
		params.set('lng', String(filters.near.lng));
		params.set('lat', String(filters.near.lat));
		params.set('radius', String(filters.near.metres));
	}
	if (filters.bbox) params.set('bbox', filters.bbox.join(','));
	if (filters.report) params.set('report', filters.report);
	return params;
}

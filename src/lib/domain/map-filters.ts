import { isCategoryCode, REPORT_TYPES, type ReportType } from './report-types.ts';
import { STATUS_GROUPS, OPEN_STATUSES, statusesInGroup, type Status, type StatusGroup } from './status.ts';

/** How far back the map and list look. */
export const PERIODS = { '7d': 7, '30d': 30, '90d': 90, '365d': 365 } as const;
export type Period = keyof typeof PERIODS;

/** What a resident filters the map and list by; kept in the page URL so a view can be shared. */
export interface MapFilters {
	type?: ReportType;
	categories: string[];
	groups: StatusGroup[];
	district?: number;
	period?: Period;
	onlyOpen: boolean;
}

export const NO_FILTERS: MapFilters = { categories: [], groups: [], onlyOpen: false };

/** Reads filters from URL parameters, ignoring values it does not know (a shared link never breaks a page). */
export function parseMapFilters(params: URLSearchParams): MapFilters {
	const type = params.get('type');
	const district = Number(params.get('district'));
	const period = params.get('period');
	return {
		type: (REPORT_TYPES as readonly string[]).includes(type ?? '') ? (type as ReportType) : undefined,
		categories: params.getAll('category').filter(isCategoryCode).slice(0, 30),
		groups: params.getAll('status').filter((g): g is StatusGroup => (STATUS_GROUPS as readonly string[]).includes(g)),
		district: Number.isInteger(district) && district > 0 && district < 100 ? district : undefined,
		// hasOwn, not `in`: ?period=valueOf must not find Object.prototype's.
		period: period && Object.hasOwn(PERIODS, period) ? (period as Period) : undefined,
		onlyOpen: params.get('open') === '1'
	};
}

/** The same filters as URL parameters, in a stable order (it is also part of tile cache keys). */
export function mapFiltersToParams(filters: MapFilters): URLSearchParams {
	const params = new URLSearchParams();
	if (filters.type) params.set('type', filters.type);
	for (const c of [...filters.categories].sort()) params.append('category', c);
	for (const g of STATUS_GROUPS.filter((g) => filters.groups.includes(g))) params.append('status', g);
	if (filters.district) params.set('district', String(filters.district));
	if (filters.period) params.set('period', filters.period);
	if (filters.onlyOpen) params.set('open', '1');
	return params;
}

/** The statuses the filters let through, or undefined for all of them. */
export function filteredStatuses(filters: MapFilters): Status[] | undefined {
	let statuses: Status[] | undefined = filters.groups.length ? filters.groups.flatMap(statusesInGroup) : undefined;
	if (filters.onlyOpen) {
		const open: readonly Status[] = OPEN_STATUSES;
		statuses = (statuses ?? [...open]).filter((s) => open.includes(s));
	}
	return statuses;
}

import type { Database } from '../db/connect.ts';
import { checkedCatalog } from '../catalog/read.ts';
import { followedTitle } from '../feeds/title.ts';
import { feedFiltersToParams, parseFeedFilters, type FeedFilters } from '../../domain/feed-filters.ts';
import type { Language } from '../../i18n/index.ts';

/** The words for what an alert follows, with an unknown district or category refused (InputError). */
export async function followedDescription(database: Database, filters: FeedFilters, lang: Language): Promise<string> {
	const { district, category } = await checkedCatalog(database, filters);
	return followedTitle(filters, lang, { district: district?.name, category: category && (lang === 'pl' ? category.namePl : category.nameEn) });
}

/** Where the same events are on the site: the report, the district page, or the Atom feed of the area. */
export function followedPageUrl(origin: string, filters: FeedFilters): string {
	if (filters.report) return `${origin}/reports/${filters.report}`;
	if (filters.district && !filters.category && !filters.type) return `${origin}/districts/${filters.district}`;
	return `${origin}/feeds/reports.atom?${feedFiltersToParams(filters)}`;
}

/** The words for an alert's stored scope (a canonical feed query string). */
export async function described(database: Database, scope: string, lang: Language): Promise<string> {
	const parsed = parseFeedFilters(new URLSearchParams(scope));
	return parsed.ok ? followedDescription(database, parsed.filters, lang) : scope;
}

import type { FeedFilters } from '../../domain/feed-filters.ts';
import { translate, type Language } from '../../i18n/index.ts';

/** What a feed or an e-mail alert follows, in words: one report, a district, a category, an area or the city. */
export function followedTitle(filters: FeedFilters, lang: Language, names: { district?: string; category?: string }): string {
	if (filters.report) return translate(lang, 'feed.title_report', { ref: filters.report });
	if (names.district) return translate(lang, 'feed.title_district', { name: names.district });
	if (names.category) return translate(lang, 'feed.title_category', { category: names.category });
	if (filters.near || filters.bbox) return translate(lang, 'feed.title_area');
	return translate(lang, 'feed.title_city');
}

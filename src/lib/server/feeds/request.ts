import { database } from '../db/index.ts';
import { InputError } from '../errors.ts';
import { checkedCatalog } from '../catalog/read.ts';
import { mapVersion } from '../map/version.ts';
import { versionCache } from '../map/version-cache.ts';
import { feedFiltersToParams, parseFeedFilters } from '../../domain/feed-filters.ts';
import type { Language } from '../../i18n/index.ts';
import { followedTitle } from './title.ts';
import { feedEntries, type FeedEntry } from './entries.ts';
import { atomFeed, rssFeed, type FeedMeta } from './xml.ts';

const FORMATS = {
	atom: { write: atomFeed, type: 'application/atom+xml; charset=utf-8' },
	rss: { write: rssFeed, type: 'application/rss+xml; charset=utf-8' }
} as const;

/** Events change only with the map version (filing and status changes move it): read once per version and filter set. */
const entriesAt = versionCache<FeedEntry[]>(256);

/** A feed of the events the URL asks for, in Atom or RSS; a wrong filter throws an InputError (400) naming it. */
export async function feedResponse(url: URL, lang: Language, format: keyof typeof FORMATS): Promise<Response> {
	const parsed = parseFeedFilters(url.searchParams);
	if (!parsed.ok) throw new InputError(parsed.key, { field: parsed.field });
	const filters = parsed.filters;
	const db = await database();
	const [{ district, category }, version] = await Promise.all([checkedCatalog(db, filters), mapVersion(db)]);

	const params = feedFiltersToParams(filters);
	const entries = await entriesAt(version, params.toString(), () => feedEntries(db, filters));
	const meta: FeedMeta = {
		title: followedTitle(filters, lang, { district: district?.name, category: category && (lang === 'pl' ? category.namePl : category.nameEn) }),
		selfUrl: `${url.origin}${url.pathname}${params.size ? `?${params}` : ''}`,
		siteUrl: `${url.origin}${filters.report ? `/reports/${filters.report}` : filters.district ? `/districts/${filters.district}` : '/'}`,
		lang
	};
	return new Response(FORMATS[format].write(entries, meta, url.origin), {
		headers: { 'Content-Type': FORMATS[format].type, 'Cache-Control': 'public, max-age=60' }
	});
}

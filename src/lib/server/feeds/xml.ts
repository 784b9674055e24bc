import { translate, type Language, type MessageKey } from '../../i18n/index.ts';
import type { FeedEntry } from './entries.ts';
import { escapeXml } from '../xml.ts';

export interface FeedMeta {
	title: string;
	/** The feed's own URL, as asked for (Atom's and RSS's self link). */
	selfUrl: string;
	/** Where the feed's events can be seen on the site. */
	siteUrl: string;
	lang: Language;
}


/** A globally unique, never-changing id for an event (RFC 4151 tag URI). */
const entryId = (origin: string, entry: FeedEntry) => `tag:${new URL(origin).hostname},2026:kck-map/status-change/${entry.id}`;

function describe(entry: FeedEntry, lang: Language) {
	const t = (key: MessageKey, params?: Record<string, string | number>) => translate(lang, key, params);
	const status = t(`status.${entry.toStatus}` as MessageKey);
	const title = entry.fromStatus === null ? t('feed.filed', { title: entry.title }) : t('feed.changed', { title: entry.title, status });
	const category = lang === 'pl' ? entry.categoryPl : entry.categoryEn;
	const summary = [`${category}, ${entry.districtName}. ${status}.`, entry.note, entry.fromStatus === null ? entry.description : null].filter(Boolean).join(' ');
	return { title, summary };
}

/** Atom 1.0 (RFC 4287) with a GeoRSS point per event. */
export function atomFeed(entries: FeedEntry[], meta: FeedMeta, origin: string): string {
	const updated = entries[0]?.at ?? new Date().toISOString();
	const items = entries.map((entry) => {
		const { title, summary } = describe(entry, meta.lang);
		return `<entry>
<id>${escapeXml(entryId(origin, entry))}</id>
<title>${escapeXml(title)}</title>
<link rel="alternate" type="text/html" href="${escapeXml(`${origin}/reports/${entry.ref}`)}"/>
<updated>${entry.at}</updated>
<published>${entry.at}</published>
<summary>${escapeXml(summary)}</summary>
<georss:point>${entry.lat} ${entry.lng}</georss:point>
</entry>`;
	});
	return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:georss="http://www.georss.org/georss" xml:lang="${meta.lang}">
<id>${escapeXml(meta.selfUrl)}</id>
<title>${escapeXml(meta.title)}</title>
<updated>${updated}</updated>
<author><name>${escapeXml(translate(meta.lang, 'feed.author'))}</name></author>
<link rel="self" type="application/atom+xml" href="${escapeXml(meta.selfUrl)}"/>
<link rel="alternate" type="text/html" href="${escapeXml(meta.siteUrl)}"/>
${items.join('\n')}
</feed>
`;
}

/** RSS 2.0 with a GeoRSS point per event and an Atom self link. */
export function rssFeed(entries: FeedEntry[], meta: FeedMeta, origin: string): string {
	const items = entries.map((entry) => {
		const { title, summary } = describe(entry, meta.lang);
		return `<item>
<title>${escapeXml(title)}</title>
<link>${escapeXml(`${origin}/reports/${entry.ref}`)}</link>
<guid isPermaLink="false">${escapeXml(entryId(origin, entry))}</guid>
<pubDate>${new Date(entry.at).toUTCString()}</pubDate>
<description>${escapeXml(summary)}</description>
<georss:point>${entry.lat} ${entry.lng}</georss:point>
</item>`;
	});
	return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:georss="http://www.georss.org/georss">
<channel>
<title>${escapeXml(meta.title)}</title>
<link>${escapeXml(meta.siteUrl)}</link>
<description>${escapeXml(meta.title)}</description>
<language>${meta.lang}</language>
<atom:link rel="self" type="application/rss+xml" href="${escapeXml(meta.selfUrl)}"/>
${entries[0] ? `<lastBuildDate>${new Date(entries[0].at).toUTCString()}</lastBuildDate>\n` : ''}${items.join('\n')}
</channel>
</rss>
`;
}

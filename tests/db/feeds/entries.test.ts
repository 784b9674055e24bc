import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '../../../src/lib/server/db/connect.ts';
import { createReport } from '../../../src/lib/server/reports/create.ts';
import { newReportSchema } from '../../../src/lib/domain/report-input.ts';
import { feedEntries } from '../../../src/lib/server/feeds/entries.ts';
import { atomFeed, rssFeed } from '../../../src/lib/server/feeds/xml.ts';
import { clearReports, testDatabase } from '../../support/database.ts';

let database: Database;
let krowodrza: string;
const RYNEK = { lng: 19.9372, lat: 50.0614 };

beforeAll(async () => {
	database = await testDatabase();
	await clearReports(database);
	const file = (title: string, at: { lng: number; lat: number }) =>
		createReport(database, newReportSchema.parse({ type: 'problem', category: 'pothole', title, ...at }));
	await file('Dziura przy Rynku & <Sukiennicach>', RYNEK);
	const k = await file('Dziura w Krowodrzy', { lng: 19.92601, lat: 50.07305 });
	krowodrza = k.publicRef;
	// A later change of status, an hour after filing.
	await database.db.execute(sql`UPDATE reports SET status = 'accepted' WHERE id = ${k.id}`);
	await database.db.execute(sql`INSERT INTO status_changes (report_id, from_status, to_status, actor, note, created_at)
		VALUES (${k.id}, 'new', 'accepted', 'kck', 'Przyjęte do realizacji', now() + interval '1 hour')`);
	const hidden = await file('Ukryte', RYNEK);
	await database.db.execute(sql`UPDATE reports SET hidden = true WHERE id = ${hidden.id}`);
});

describe('feed events', () => {
	it('newest first: filings and status changes of visible reports', async () => {
		const entries = await feedEntries(database, {});
		expect(entries.map((e) => [e.title, e.toStatus])).toEqual([
			['Dziura w Krowodrzy', 'accepted'],
			['Dziura w Krowodrzy', 'new'],
			['Dziura przy Rynku & <Sukiennicach>', 'new']
		]);
		expect(new Set(entries.map((e) => e.id)).size).toBe(3);
		expect(entries[0].at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
	});

	it('for a district, an area, a category or one report', async () => {
		expect((await feedEntries(database, { district: 5 })).map((e) => e.ref)).toEqual([krowodrza, krowodrza]);
		expect((await feedEntries(database, { near: { ...RYNEK, metres: 200 } })).map((e) => e.title)).toEqual(['Dziura przy Rynku & <Sukiennicach>']);
		expect(await feedEntries(database, { bbox: [19.92, 50.07, 19.93, 50.08] })).toHaveLength(2);
		expect(await feedEntries(database, { category: 'street_lighting' })).toEqual([]);
		expect((await feedEntries(database, { report: krowodrza })).map((e) => e.note)).toEqual(['Przyjęte do realizacji', null]);
	});

	it('are the same by either plan: all events newest first, or each matching report’s own', async () => {
		for (const filters of [{}, { district: 5 }, { type: 'problem' as const }, { category: 'pothole' }]) {
			// A threshold of 0 reports forces the plan for many; the default (20,000) takes the plan for few here.
			expect(await feedEntries(database, filters, undefined, 0), JSON.stringify(filters)).toEqual(await feedEntries(database, filters));
		}
	});

	it('within a window (an alert run’s), by either plan', async () => {
		const [{ now }] = await database.rows<{ now: string }>(sql`SELECT now()::text AS now`);
		const [{ later }] = await database.rows<{ later: string }>(sql`SELECT (now() + interval '30 minutes')::text AS later`);
		const beforeChange = { after: '2000-01-01 00:00+00', until: later };
		const onlyChange = { after: later, until: '2100-01-01 00:00+00' };
		for (const few of [0, 20_000]) {
			expect((await feedEntries(database, { district: 5 }, beforeChange, few)).map((e) => e.toStatus)).toEqual(['new']);
			expect((await feedEntries(database, { district: 5 }, onlyChange, few)).map((e) => e.note)).toEqual(['Przyjęte do realizacji']);
			expect(await feedEntries(database, {}, { after: now, until: now }, few)).toEqual([]);
		}
	});

	it('are written as escaped Atom and RSS with GeoRSS points', async () => {
		const entries = await feedEntries(database, {});
		const meta = { title: 'Test & <feed>', selfUrl: 'http://127.0.0.1/feeds/reports.atom?a=1&b=2', siteUrl: 'http://127.0.0.1/', lang: 'pl' as const };
		const atom = atomFeed(entries, meta, 'http://127.0.0.1');
		expect(atom).toContain('<title>Test &amp; &lt;feed&gt;</title>');
		expect(atom).toContain('href="http://127.0.0.1/feeds/reports.atom?a=1&amp;b=2"');
		expect(atom).toContain('Dziura przy Rynku &amp; &lt;Sukiennicach&gt;');
		expect(atom).toContain('<georss:point>50.0614 19.9372</georss:point>');
		expect(atom).not.toMatch(/<[^>]*Sukiennicach>/);
		const rss = rssFeed(entries, meta, 'http://127.0.0.1');
		expect(rss).toMatch(/<pubDate>\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT<\/pubDate>/);
		expect(rss).toContain('<guid isPermaLink="false">tag:127.0.0.1,2026:kck-map/status-change/');
	});
});

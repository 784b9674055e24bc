import { sql } from 'drizzle-orm';
import { rowsOf, type Database } from '../db/connect.ts';
import { feedEntries } from '../feeds/entries.ts';
import { parseFeedFilters } from '../../domain/feed-filters.ts';
import type { Language } from '../../i18n/index.ts';
import { alertMessage, unsubscribeUrl } from './compose.ts';
import { followedDescription, followedPageUrl } from './followed.ts';
import { deliverPending, enqueue, type DeliveryReport } from './outbox.ts';
import type { SendMail } from './mailer.ts';

/**
 * How far behind now a run reads: a report's events carry its transaction's start time, so one
 * that commits after the run has read could otherwise fall before the window's end unseen. Ten
 * minutes outlast any transaction the app runs (a form's gives up after seconds, a 500-row CSV
 * intake takes seconds); for a daily digest the delay does not matter.
 */
export const SETTLING_MINUTES = 10;
const SETTLING = sql`make_interval(mins => ${SETTLING_MINUTES})`;

export interface AlertRun extends DeliveryReport {
	/** Confirmed alerts looked at. */
	alerts: number;
	/** Messages written by this run (one per alert with anything new). */
	written: number;
	/** Messages kept in the outbox table because there is no mail server. */
	kept: number;
	/** Claimed by an earlier run that died before saying whether they went out: not sent again. */
	unknown: number;
}

/**
 * One alert run: for each confirmed alert, everything new since its last run goes into one message,
 * written together with the alert's new watermark (so a message is written once, even by two runs
 * at a time); then the pending messages are sent, or kept in the outbox without a mail server.
 */
export async function runAlerts(database: Database, origin: string, send: SendMail | undefined): Promise<AlertRun> {
	const [{ until }] = await rowsOf<{ until: string }>(database.db, sql`SELECT (now() - ${SETTLING})::text AS until`);
	const due = await rowsOf<{ id: number; email: string; scope: string; lang: Language; token: string; after: string }>(
		database.db,
		sql`SELECT id, email, scope, lang, token, sent_until::text AS after FROM alert_subscriptions
			WHERE confirmed_at IS NOT NULL AND unsubscribed_at IS NULL AND sent_until < ${until}::timestamptz ORDER BY id`
	);
	let written = 0;
	// Many alerts follow the same district or report: each description is looked up once a run.
	const described = new Map<string, string>();
	for (const alert of due) {
		const parsed = parseFeedFilters(new URLSearchParams(alert.scope));
		if (!parsed.ok) continue; // written by subscribe() from parsed filters: cannot happen
		const events = await feedEntries(database, parsed.filters, { after: alert.after, until });
		const key = `${alert.lang} ${alert.scope}`;
		if (events.length && !described.has(key)) described.set(key, await followedDescription(database, parsed.filters, alert.lang));
		const message = events.length
			? alertMessage(alert.lang, described.get(key)!, events, {
					origin,
					token: alert.token,
					moreUrl: followedPageUrl(origin, parsed.filters)
				})
			: null;
		written += await database.db.transaction(async (tx) => {
			const moved = await rowsOf(tx, sql`UPDATE alert_subscriptions SET sent_until = ${until}::timestamptz
				WHERE id = ${alert.id} AND sent_until = ${alert.after}::timestamptz RETURNING id`);
			// Another run took this window meanwhile.
			if (!moved.length || !message) return 0;
			await enqueue(tx, { subscriptionId: alert.id, kind: 'alert', recipient: alert.email, ...message, unsubscribeUrl: unsubscribeUrl(origin, alert.token) }, Boolean(send));
			return 1;
		});
	}
	const delivery = send ? await deliverPending(database, send) : { sent: 0, failed: 0, deferred: 0 };
	// Claimed a while ago and never marked: a run died while handing them over (a fresh claim is one being sent now).
	const [{ unknown }] = await rowsOf<{ unknown: number }>(
		database.db,
		sql`SELECT count(*)::int AS unknown FROM alert_messages WHERE delivery = 'sending' AND attempted_at < now() - interval '1 minute'`
	);
	return { alerts: due.length, written, kept: send ? 0 : written, unknown, ...delivery };
}

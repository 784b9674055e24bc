import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { rowsOf, type Database } from '../db/connect.ts';
import { transactionKnowingOutcome } from '../db/outage.ts';
import { InputError } from '../errors.ts';
import { alertEmailSchema, isAlertScope } from '../../domain/alerts.ts';
import { takeRateLimit } from '../rate-limits.ts';
import { feedFiltersToParams, type FeedFilters } from '../../domain/feed-filters.ts';
import type { Language } from '../../i18n/index.ts';
import { confirmationMessage } from './compose.ts';
import { followedDescription } from './followed.ts';
import { deliverPending, enqueue } from './outbox.ts';
import type { SendMail } from './mailer.ts';

/** 192 random bits, base64url: the confirmation and unsubscribe links' secret. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{32}$/;

export interface SignUp {
	outcome: 'confirmation_sent' | 'confirmation_kept' | 'confirmation_failed';
	followed: string;
}

/**
 * Signs `email` up for alerts on `filters`, unconfirmed, and sends the confirmation message (or
 * keeps it in the outbox when there is no mail server). Signing up again for the same thing finds
 * the same alert; an address gets at most RATE_LIMITS.alertConfirmationsPerEmail confirmations an hour.
 */
export async function subscribe(
	database: Database,
	request: { email: string; filters: FeedFilters; lang: Language },
	origin: string,
	send: SendMail | undefined
): Promise<SignUp> {
	const address = alertEmailSchema.safeParse(request.email);
	if (!address.success) throw new InputError('errors.email', { field: 'email' });
	const email = address.data;
	if (!isAlertScope(request.filters)) throw new InputError('errors.alert_scope', { field: 'scope' });
	const followed = await followedDescription(database, request.filters, request.lang);
	const scope = feedFiltersToParams(request.filters).toString();
	if ((await takeRateLimit(database, 'alertConfirmationsPerEmail', email.toLowerCase())) !== null) {
		throw new InputError('errors.alert_rate', { status: 429, field: 'email' });
	}
	const queued = await transactionKnowingOutcome(database, async (tx) => {
		const [row] = await rowsOf<{ id: number; token: string }>(
			tx,
			sql`INSERT INTO alert_subscriptions (email, scope, lang, token)
				VALUES (${email}, ${scope}, ${request.lang}, ${randomBytes(24).toString('base64url')})
				ON CONFLICT (lower(email), scope) DO UPDATE SET lang = excluded.lang,
					-- Unsubscribed, then signing up again: confirm again before anything is sent.
					confirmed_at = CASE WHEN alert_subscriptions.unsubscribed_at IS NULL THEN alert_subscriptions.confirmed_at END,
					unsubscribed_at = NULL
				RETURNING id, token`
		);
		// Sent even to an address that follows this already: the page says the same whatever the
		// address, so nobody learns from it who follows what; the link only confirms again.
		const message = confirmationMessage(request.lang, followed, { origin, token: row.token });
		return enqueue(tx, { subscriptionId: row.id, kind: 'confirm', recipient: email, ...message, unsubscribeUrl: null }, Boolean(send));
	});
	if (!send) return { outcome: 'confirmation_kept', followed };
	const delivered = await deliverPending(database, send, queued);
	return { outcome: delivered.sent ? 'confirmation_sent' : 'confirmation_failed', followed };
}

export interface Subscription {
	id: number;
	email: string;
	scope: string;
	lang: Language;
	confirmed: boolean;
	unsubscribed: boolean;
}

const subscriptionColumns = sql`id, email, scope, lang, confirmed_at IS NOT NULL AS confirmed, unsubscribed_at IS NOT NULL AS unsubscribed`;

/** The alert a link belongs to, as it is. */
export async function subscriptionByToken(database: Database, token: string): Promise<Subscription | null> {
	if (!TOKEN_PATTERN.test(token)) return null;
	const [row] = await rowsOf<Subscription>(database.db, sql`SELECT ${subscriptionColumns} FROM alert_subscriptions WHERE token = ${token}`);
	return row ?? null;
}

/** Confirms the alert the link belongs to; events count from now. Null for an unknown or unsubscribed one. */
export async function confirm(database: Database, token: string): Promise<Subscription | null> {
	if (!TOKEN_PATTERN.test(token)) return null;
	const [row] = await rowsOf<Subscription>(
		database.db,
		sql`UPDATE alert_subscriptions SET confirmed_at = coalesce(confirmed_at, now()), sent_until = coalesce(sent_until, now())
			WHERE token = ${token} AND unsubscribed_at IS NULL RETURNING ${subscriptionColumns}`
	);
	return row ?? null;
}

/** Stops the alert (again, harmlessly, if it was stopped). Null for an unknown link. */
export async function unsubscribe(database: Database, token: string): Promise<Subscription | null> {
	if (!TOKEN_PATTERN.test(token)) return null;
	const [row] = await rowsOf<Subscription>(
		database.db,
		sql`UPDATE alert_subscriptions SET unsubscribed_at = coalesce(unsubscribed_at, now()) WHERE token = ${token} RETURNING ${subscriptionColumns}`
	);
	return row ?? null;
}

/** Undoes an unsubscribe of a confirmed alert from its own link; what happened meanwhile is not sent. */
export async function resubscribe(database: Database, token: string): Promise<Subscription | null> {
	if (!TOKEN_PATTERN.test(token)) return null;
	const [row] = await rowsOf<Subscription>(
		database.db,
		sql`UPDATE alert_subscriptions SET unsubscribed_at = NULL, sent_until = now()
			WHERE token = ${token} AND confirmed_at IS NOT NULL RETURNING ${subscriptionColumns}`
	);
	return row ?? null;
}

import { bigint, bigserial, check, index, integer, pgTable, serial, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { timestamptz } from './columns.ts';
import { reports } from './reports.ts';
import { sql } from 'drizzle-orm';
import { literals } from '../literals.ts';
import { DELIVERIES, MESSAGE_KINDS } from '../../../domain/alerts.ts';

/** A person following an area, a district or a report by e-mail. */
export const alertSubscriptions = pgTable(
	'alert_subscriptions',
	{
		id: serial('id').primaryKey(),
		email: text('email').notNull(),
		// What is followed, as the feed's canonical query string (district=5, lng=…&lat=…&radius=…, report=…).
		scope: text('scope').notNull(),
		lang: text('lang').notNull(),
		// In the confirmation link and every alert's unsubscribe link, so kept as is: it manages this one alert, nothing else.
		token: text('token').notNull().unique(),
		createdAt: timestamptz('created_at').notNull().defaultNow(),
		confirmedAt: timestamptz('confirmed_at'),
		unsubscribedAt: timestamptz('unsubscribed_at'),
		// Events up to this moment have been put in a message (or found to be none); set on confirmation.
		sentUntil: timestamptz('sent_until')
	},
	(t) => [
		check('alert_subscriptions_lang_check', sql`${t.lang} in ('pl', 'en')`),
		// One alert per address and scope: signing up again finds the same one.
		uniqueIndex('alert_subscriptions_email_scope_idx').on(sql`lower(${t.email})`, t.scope)
	]
);

/**
 * Every message the app sends, written before it is sent: without SMTP_URL this table is where
 * they stay (the outbox); with it, a row is claimed before sending so a run that dies midway sends
 * nothing twice.
 */
export const alertMessages = pgTable(
	'alert_messages',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		// The alert a confirmation or an alert belongs to; for a status update, the report it tells of.
		subscriptionId: integer('subscription_id').references(() => alertSubscriptions.id, { onDelete: 'cascade' }),
		reportId: bigint('report_id', { mode: 'number' }).references(() => reports.id, { onDelete: 'cascade' }),
		kind: text('kind').notNull(),
		recipient: text('recipient').notNull(),
		subject: text('subject').notNull(),
		body: text('body').notNull(),
		// The one-click unsubscribe address (List-Unsubscribe), for alerts.
		unsubscribeUrl: text('unsubscribe_url'),
		delivery: text('delivery').notNull().default('pending'),
		createdAt: timestamptz('created_at').notNull().defaultNow(),
		attemptedAt: timestamptz('attempted_at'),
		sentAt: timestamptz('sent_at'),
		error: text('error')
	},
	(t) => [
		check('alert_messages_kind_check', sql`${t.kind} in (${literals(MESSAGE_KINDS)})`),
		check('alert_messages_delivery_check', sql`${t.delivery} in (${literals(DELIVERIES)})`),
		index('alert_messages_pending_idx').on(t.id).where(sql`${t.delivery} = 'pending'`),
		// How many confirmations an address got lately (sign-ups cannot flood a mailbox).
		index('alert_messages_recipient_idx').on(sql`lower(${t.recipient})`, t.createdAt)
	]
);

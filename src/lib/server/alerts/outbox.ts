import { sql } from 'drizzle-orm';
import { rowsOf, type Database, type Db } from '../db/connect.ts';
import type { MessageKind } from '../../domain/alerts.ts';
import type { SendMail } from './mailer.ts';

export interface OutgoingMessage {
	/** The alert it belongs to (confirmations and alerts), or the report it tells of (status updates). */
	subscriptionId: number | null;
	reportId?: number;
	kind: MessageKind;
	recipient: string;
	subject: string;
	body: string;
	unsubscribeUrl: string | null;
}

/** Writes a message, in the caller's transaction: to be sent (pending), or kept in the outbox when there is no mail server. */
export async function enqueue(tx: Pick<Db, 'execute'>, message: OutgoingMessage, sending: boolean): Promise<number> {
	const [row] = await rowsOf<{ id: number }>(
		tx,
		sql`INSERT INTO alert_messages (subscription_id, report_id, kind, recipient, subject, body, unsubscribe_url, delivery)
			VALUES (${message.subscriptionId}, ${message.reportId ?? null}, ${message.kind}, ${message.recipient}, ${message.subject}, ${message.body},
				${message.unsubscribeUrl}, ${sending ? 'pending' : 'outbox'})
			RETURNING id::int AS id`
	);
	return row.id;
}

export interface DeliveryReport {
	sent: number;
	/** Refused for good by the mail server (a 5xx reply: no such mailbox…). */
	failed: number;
	/** Left pending for the next run: the mail server was away or said "later". */
	deferred: number;
}

/** A message still unsent after this long is given up (an alert about last week helps nobody). */
const GIVE_UP = sql`interval '3 days'`;

/**
 * Sends pending messages (or just `only`), each at most once a run. Each is claimed ('sending')
 * before it is handed to the mail server and marked 'sent' after: a run that dies in between leaves
 * it 'sending', never sent again, so nothing goes out twice. A refusal for good (5xx) marks it
 * 'failed'; "later" for one recipient (4xx) leaves it pending for the next run and goes on with the
 * others; a mail server that is away (no reply code, or 421) stops the run, leaving the rest pending.
 */
export async function deliverPending(database: Database, send: SendMail, only?: number): Promise<DeliveryReport> {
	const report: DeliveryReport = { sent: 0, failed: 0, deferred: 0 };
	await database.db.execute(sql`UPDATE alert_messages SET delivery = 'failed', error = coalesce(error, 'given up') WHERE delivery = 'pending' AND created_at < now() - ${GIVE_UP}`);
	const [{ started }] = await rowsOf<{ started: string }>(database.db, sql`SELECT now()::text AS started`);
	for (;;) {
		const [message] = await rowsOf<{ id: number; recipient: string; subject: string; body: string; unsubscribeUrl: string | null }>(
			database.db,
			sql`UPDATE alert_messages SET delivery = 'sending', attempted_at = clock_timestamp()
				WHERE id = (SELECT id FROM alert_messages WHERE delivery = 'pending' ${only === undefined ? sql`` : sql`AND id = ${only}`}
					AND (attempted_at IS NULL OR attempted_at < ${started}::timestamptz)
					ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
				RETURNING id::int AS id, recipient, subject, body, unsubscribe_url AS "unsubscribeUrl"`
		);
		if (!message) break;
		try {
			await send({ to: message.recipient, subject: message.subject, text: message.body, unsubscribeUrl: message.unsubscribeUrl });
		} catch (e) {
			const code = (e as { responseCode?: number }).responseCode ?? 0;
			const refused = code >= 500;
			await database.db.execute(sql`UPDATE alert_messages SET delivery = ${refused ? 'failed' : 'pending'}, error = ${String((e as Error).message).slice(0, 500)} WHERE id = ${message.id}`);
			if (refused) report.failed++;
			else report.deferred++;
			if (!refused && (code === 0 || code === 421)) {
				const [{ left }] = await rowsOf<{ left: number }>(database.db, sql`SELECT count(*)::int AS left FROM alert_messages WHERE delivery = 'pending'`);
				report.deferred = only === undefined ? left : 1;
				break;
			}
			continue;
		}
		await database.db.execute(sql`UPDATE alert_messages SET delivery = 'sent', sent_at = now(), error = NULL WHERE id = ${message.id}`);
		report.sent++;
	}
	return report;
}

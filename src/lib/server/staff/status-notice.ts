import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../db/connect.ts';
import { enqueue } from '../alerts/outbox.ts';
import { translate, type MessageKey } from '../../i18n/index.ts';
import type { Status } from '../../domain/status.ts';

/**
 * Tells the reporter (when they left an e-mail) that their report changed status, with the public
 * note and a link: written in the change's transaction, so it exists exactly when the change does.
 * In Polish, then English: the form does not ask a reporter's language. Returns the message's id.
 */
export async function queueStatusNotice(
	tx: Pick<Db, 'execute'>,
	report: { id: number; ref: string; title: string; status: Status },
	note: string | null,
	origin: string,
	sending: boolean
): Promise<number | null> {
	const [contact] = await rowsOf<{ email: string | null }>(tx, sql`SELECT email FROM reporter_contacts WHERE report_id = ${report.id}`);
	if (!contact?.email) return null;
	const url = `${origin}/reports/${report.ref}`;
	const part = (lang: 'pl' | 'en') =>
		[
			translate(lang, 'notice.body', { ref: report.ref, title: report.title, status: translate(lang, `status.${report.status}` as MessageKey) }),
			...(note ? [translate(lang, 'notice.note', { note })] : []),
			url
		].join('\n\n');
	return enqueue(
		tx,
		{
			subscriptionId: null,
			reportId: report.id,
			kind: 'status',
			recipient: contact.email,
			subject: translate('pl', 'notice.subject', { ref: report.ref, status: translate('pl', `status.${report.status}` as MessageKey) }),
			body: `${part('pl')}\n\n---\n\n${part('en')}`,
			unsubscribeUrl: null
		},
		sending
	);
}

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '../../../src/lib/server/db/connect.ts';
import { createReport } from '../../../src/lib/server/reports/create.ts';
import { newReportSchema } from '../../../src/lib/domain/report-input.ts';
import { confirm, resubscribe, subscribe, unsubscribe } from '../../../src/lib/server/alerts/subscriptions.ts';
import { runAlerts, SETTLING_MINUTES } from '../../../src/lib/server/alerts/run.ts';
import { smtpMailer } from '../../../src/lib/server/alerts/mailer.ts';
import { RATE_LIMITS } from '../../../src/lib/server/rate-limits.ts';
import type { FeedFilters } from '../../../src/lib/domain/feed-filters.ts';
import { clearReports, testDatabase } from '../../support/database.ts';
import { startSmtpServer } from '../../support/smtp.ts';

let database: Database;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
const ORIGIN = 'http://127.0.0.1:5999';
const RYNEK = { lng: 19.9372, lat: 50.0614 };
const NOWA_HUTA = { lng: 20.0386, lat: 50.0722 };
const AROUND_RYNEK = { near: { ...RYNEK, metres: 500 } };

interface Message {
	id: number;
	kind: string;
	recipient: string;
	subject: string;
	body: string;
	unsubscribeUrl: string | null;
	delivery: string;
}
const outbox = (recipient: string) =>
	database.rows<Message>(sql`SELECT id::int, kind, recipient, subject, body, unsubscribe_url AS "unsubscribeUrl", delivery
		FROM alert_messages WHERE recipient = ${recipient} ORDER BY id`);
const tokenOf = (message: Message) => /\/alerts\/confirm\/([A-Za-z0-9_-]{32})/.exec(message.body)![1];

/** Files a report `minutesAgo` (its first event with it): an alert run reads only events older than SETTLING_MINUTES. */
async function fileReport(title: string, at: { lng: number; lat: number }, minutesAgo = SETTLING_MINUTES + 5) {
	const report = await createReport(database, newReportSchema.parse({ type: 'problem', category: 'pothole', title, ...at }));
	await database.db.execute(sql`UPDATE status_changes SET created_at = now() - make_interval(mins => ${minutesAgo}) WHERE report_id = ${report.id}`);
	return report;
}

/** A confirmed alert for `email`, counting events from `minutesAgo`. */
async function confirmedAlert(email: string, filters: FeedFilters = AROUND_RYNEK, minutesAgo = SETTLING_MINUTES + 10) {
	await subscribe(database, { email, filters, lang: 'pl' }, ORIGIN, undefined);
	const [message] = (await outbox(email)).filter((m) => m.kind === 'confirm');
	const token = tokenOf(message);
	expect(await confirm(database, token)).toMatchObject({ email, confirmed: true });
	await database.db.execute(sql`UPDATE alert_subscriptions SET sent_until = now() - make_interval(mins => ${minutesAgo}) WHERE token = ${token}`);
	return token;
}

beforeAll(async () => {
	database = await testDatabase();
	smtp = await startSmtpServer();
});
afterAll(() => smtp.close());
beforeEach(async () => {
	await clearReports(database);
	await database.db.execute(sql`TRUNCATE alert_subscriptions, alert_messages, rate_limit_windows RESTART IDENTITY CASCADE`);
	smtp.received.length = 0;
	smtp.refuse.clear();
});

describe('signing up for e-mail alerts', () => {
	it('writes a confirmation (to the outbox without a mail server) and sends nothing else until it is confirmed', async () => {
		const signUp = await subscribe(database, { email: ' Ola@Example.com ', filters: AROUND_RYNEK, lang: 'pl' }, ORIGIN, undefined);
		expect(signUp).toEqual({ outcome: 'confirmation_kept', followed: 'Mapa KCK: zgłoszenia w wybranym obszarze' });
		const [message] = await outbox('Ola@Example.com');
		expect(message).toMatchObject({ kind: 'confirm', delivery: 'outbox', unsubscribeUrl: null, subject: expect.stringContaining('Potwierdź') });
		expect(message.body).toContain(`${ORIGIN}/alerts/confirm/`);

		await fileReport('Dziura przy Rynku', RYNEK);
		await database.db.execute(sql`UPDATE alert_subscriptions SET sent_until = now() - interval '1 hour'`);
		expect(await runAlerts(database, ORIGIN, undefined)).toMatchObject({ alerts: 0, written: 0 });
	});

	it('finds the same alert when signing up again, and limits confirmations per address', async () => {
		const again = () => subscribe(database, { email: 'ola@example.com', filters: { district: 1 }, lang: 'en' }, ORIGIN, undefined);
		for (let i = 0; i < RATE_LIMITS.alertConfirmationsPerEmail.limit; i++) expect((await again()).outcome).toBe('confirmation_kept');
		await expect(again()).rejects.toMatchObject({ status: 429, key: 'errors.alert_rate' });
		const [{ alerts }] = await database.rows<{ alerts: number }>(sql`SELECT count(*)::int AS alerts FROM alert_subscriptions`);
		expect(alerts).toBe(1);
	});

	it('answers an address that follows this already as any other, so nobody learns who follows what', async () => {
		const signUp = () => subscribe(database, { email: 'jan@example.com', filters: { district: 1 }, lang: 'en' }, ORIGIN, undefined);
		await signUp();
		expect(await confirm(database, tokenOf((await outbox('jan@example.com'))[0]))).toMatchObject({ confirmed: true });
		expect(await signUp()).toEqual({ outcome: 'confirmation_kept', followed: 'KCK Map: reports in Stare Miasto' });
		const [{ confirmed }] = await database.rows<{ confirmed: boolean }>(sql`SELECT confirmed_at IS NOT NULL AS confirmed FROM alert_subscriptions`);
		expect(confirmed).toBe(true);
	});

	it.each([
		['a malformed address', 'ola@', { district: 1 }, 'errors.email'],
		['nothing to follow', 'ola@example.com', {}, 'errors.alert_scope'],
		['the whole city by category only', 'ola@example.com', { category: 'pothole' }, 'errors.alert_scope'],
		['an unknown district', 'ola@example.com', { district: 19 }, 'errors.stats_district']
	])('refuses %s, writing nothing', async (_, email, filters, key) => {
		await expect(subscribe(database, { email, filters, lang: 'pl' }, ORIGIN, undefined)).rejects.toMatchObject({ key });
		const [{ rows }] = await database.rows<{ rows: number }>(sql`SELECT (SELECT count(*) FROM alert_subscriptions) + (SELECT count(*) FROM alert_messages)::int AS rows`);
		expect(Number(rows)).toBe(0);
	});

	it('does not confirm with an unknown or malformed link', async () => {
		expect(await confirm(database, 'x'.repeat(32))).toBeNull();
		expect(await confirm(database, "' OR 1=1 --")).toBeNull();
	});
});

describe('an alert run', () => {
	it('puts everything new in the area into one message, once', async () => {
		const token = await confirmedAlert('ola@example.com');
		const first = await fileReport('Dziura przy Rynku', RYNEK);
		await fileReport('Dziura w Nowej Hucie', NOWA_HUTA);
		await database.db.execute(sql`INSERT INTO status_changes (report_id, from_status, to_status, actor, note, created_at)
			VALUES (${first.id}, 'new', 'accepted', 'kck', 'Przekazano do ZDMK', now() - make_interval(mins => ${SETTLING_MINUTES + 3}))`);
		// Too fresh: a transaction that began before it may not have committed yet.
		await fileReport('Dziura przed chwilą', RYNEK, 0);

		expect(await runAlerts(database, ORIGIN, undefined)).toMatchObject({ alerts: 1, written: 1, kept: 1 });
		const [alert] = (await outbox('ola@example.com')).filter((m) => m.kind === 'alert');
		expect(alert.subject).toBe('Mapa KCK: zgłoszenia w wybranym obszarze — nowości: 2');
		expect(alert.body).toContain('Nowy status: Przyjęte');
		expect(alert.body).toContain('Przekazano do ZDMK');
		expect(alert.body).toContain(`${ORIGIN}/reports/${first.publicRef}`);
		expect(alert.body).not.toContain('Nowej Hucie');
		expect(alert.body).not.toContain('przed chwilą');
		expect(alert.unsubscribeUrl).toBe(`${ORIGIN}/alerts/unsubscribe/${token}`);
		expect(alert.body).toContain(alert.unsubscribeUrl);

		expect(await runAlerts(database, ORIGIN, undefined)).toMatchObject({ written: 0 });
		// The settling time passes.
		const passes = sql`make_interval(mins => ${SETTLING_MINUTES + 1})`;
		await database.db.execute(sql`UPDATE status_changes SET created_at = created_at - ${passes}`);
		await database.db.execute(sql`UPDATE alert_subscriptions SET sent_until = sent_until - ${passes}`);
		expect(await runAlerts(database, ORIGIN, undefined)).toMatchObject({ written: 1 });
		const bodies = (await outbox('ola@example.com')).filter((m) => m.kind === 'alert').map((m) => m.body);
		expect(bodies[1]).toContain('Dziura przed chwilą');
		expect(bodies[1]).not.toContain('Dziura przy Rynku\n');
	});

	it('writes each message once when two runs overlap', async () => {
		await confirmedAlert('ola@example.com');
		await confirmedAlert('jan@example.com', { district: 1 });
		await fileReport('Dziura przy Rynku', RYNEK);
		const runs = await Promise.all([runAlerts(database, ORIGIN, undefined), runAlerts(database, ORIGIN, undefined)]);
		expect(runs[0].written + runs[1].written).toBe(2);
	});

	it('sends nothing after an unsubscribe, and only what is new after undoing it', async () => {
		const token = await confirmedAlert('ola@example.com');
		expect(await unsubscribe(database, token)).toMatchObject({ unsubscribed: true });
		await fileReport('Dziura przy Rynku', RYNEK);
		expect(await runAlerts(database, ORIGIN, undefined)).toMatchObject({ alerts: 0 });
		expect(await resubscribe(database, token)).toMatchObject({ unsubscribed: false });
		await database.db.execute(sql`UPDATE alert_subscriptions SET sent_until = now() - make_interval(mins => ${SETTLING_MINUTES + 4})`);
		expect(await runAlerts(database, ORIGIN, undefined)).toMatchObject({ written: 0 });
	});
});

describe('sending through SMTP', () => {
	it('sends each message with one-click unsubscribe headers', async () => {
		const send = smtpMailer(smtp.url, 'Mapa KCK <powiadomienia@kck.example>');
		const token = await confirmedAlert('ola@example.com');
		await fileReport('Dziura przy Rynku', RYNEK);
		expect(await runAlerts(database, ORIGIN, send)).toMatchObject({ written: 1, sent: 1, failed: 0, deferred: 0 });
		const [mail] = smtp.received;
		expect(mail.to).toEqual(['ola@example.com']);
		expect(mail.headers['list-unsubscribe']).toBe(`<${ORIGIN}/alerts/unsubscribe/${token}>`);
		expect(mail.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
		expect(mail.text).toContain('Dziura przy Rynku');
		expect((await outbox('ola@example.com')).map((m) => m.delivery)).toEqual(['outbox', 'sent']);
	});

	it('leaves a recipient that gets "later" for the next run and goes on; a refusal for good is not retried; nothing twice', async () => {
		const send = smtpMailer(smtp.url, 'powiadomienia@kck.example');
		for (const email of ['a@example.com', 'b@example.com', 'c@example.com', 'd@example.com']) await confirmedAlert(email);
		await fileReport('Dziura przy Rynku', RYNEK);
		smtp.refuse.set('b@example.com', 451);
		smtp.refuse.set('d@example.com', 550);
		expect(await runAlerts(database, ORIGIN, send)).toMatchObject({ written: 4, sent: 2, failed: 1, deferred: 1 });

		smtp.refuse.delete('b@example.com');
		expect(await runAlerts(database, ORIGIN, send)).toMatchObject({ written: 0, sent: 1, failed: 0, deferred: 0 });
		expect(smtp.received.flatMap((m) => m.to).sort()).toEqual(['a@example.com', 'b@example.com', 'c@example.com']);
		expect((await outbox('d@example.com')).at(-1)).toMatchObject({ delivery: 'failed' });

		expect(await runAlerts(database, ORIGIN, send)).toMatchObject({ written: 0, sent: 0 });
		expect(smtp.received).toHaveLength(3);
	});

	it('stops at once when the mail server is away, keeping every message for the next run', async () => {
		for (const email of ['a@example.com', 'b@example.com']) await confirmedAlert(email);
		await fileReport('Dziura przy Rynku', RYNEK);
		// Nothing listens on port 9 (discard) here: the connection is refused, there is no reply code.
		expect(await runAlerts(database, ORIGIN, smtpMailer('smtp://127.0.0.1:9', 'powiadomienia@kck.example'))).toMatchObject({ written: 2, sent: 0, deferred: 2 });
		expect(await runAlerts(database, ORIGIN, smtpMailer(smtp.url, 'powiadomienia@kck.example'))).toMatchObject({ sent: 2, deferred: 0 });
		expect(smtp.received.flatMap((m) => m.to).sort()).toEqual(['a@example.com', 'b@example.com']);
	});

	it('never sends again a message a dead run had claimed', async () => {
		const send = smtpMailer(smtp.url, 'powiadomienia@kck.example');
		await confirmedAlert('ola@example.com');
		await fileReport('Dziura przy Rynku', RYNEK);
		await runAlerts(database, ORIGIN, undefined);
		// As a run leaves a message it was handing over when it died.
		await database.db.execute(sql`UPDATE alert_messages SET delivery = 'sending', attempted_at = now() - interval '5 minutes' WHERE kind = 'alert'`);
		expect(await runAlerts(database, ORIGIN, send)).toMatchObject({ sent: 0, unknown: 1 });
		expect(smtp.received).toEqual([]);
	});

	it('sends the confirmation at once when signing up', async () => {
		const send = smtpMailer(smtp.url, 'powiadomienia@kck.example');
		expect(await subscribe(database, { email: 'ola@example.com', filters: { report: 'KCK-2026-000001' }, lang: 'en' }, ORIGIN, send)).toMatchObject({ outcome: 'confirmation_sent' });
		expect(smtp.received[0].text).toMatch(/\/alerts\/confirm\/[A-Za-z0-9_-]{32}/);
		expect(smtp.received[0].headers['list-unsubscribe']).toBeUndefined();
		smtp.refuse.set('jan@example.com', 451);
		expect(await subscribe(database, { email: 'jan@example.com', filters: { district: 2 }, lang: 'en' }, ORIGIN, send)).toMatchObject({ outcome: 'confirmation_failed' });
	});
});

/**
 * E-mail alerts end to end on the production build, a PostgreSQL cluster and a real SMTP server:
 * sign up on the page, confirm from the e-mail, `npm run alerts:send` as cron runs it, and the
 * one-click unsubscribe a mail program POSTs (RFC 8058) with no Origin.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import postgres from 'postgres';
import { cluster, ROOT, startBuiltApp, type BuiltApp } from '../support/built-app.ts';
import { startSmtpServer } from '../support/smtp.ts';

const run = promisify(execFile);
let clusterDir: string;
let databaseUrl: string;
let app: BuiltApp;
let sql: postgres.Sql;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

const sendAlerts = () =>
	run(process.execPath, ['src/lib/server/cli/send-alerts.ts'], { cwd: ROOT, env: { ...process.env, DATABASE_URL: databaseUrl, SMTP_URL: smtp.url, ORIGIN: app.base } });

beforeAll(async () => {
	clusterDir = mkdtempSync(path.join(tmpdir(), 'kck-map-alerts-pg.'));
	databaseUrl = (await cluster('start', clusterDir)).stdout.trim();
	sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
	smtp = await startSmtpServer();
	app = await startBuiltApp(databaseUrl, { DEMO_REPORTS: '20', SMTP_URL: smtp.url, MAIL_FROM: 'Mapa KCK <powiadomienia@kck.example>' });
}, 120_000);

afterAll(async () => {
	await app?.stop();
	await smtp?.close();
	await sql?.end({ timeout: 1 });
	if (clusterDir) await cluster('stop', clusterDir);
});

describe('e-mail alerts', () => {
	it('sign up, confirm, one alert run, one-click unsubscribe', async () => {
		const page = await app.ask('/alerts?district=1');
		expect(page.body).toContain('Mapa KCK: zgłoszenia w dzielnicy Stare Miasto');

		const form = new URLSearchParams({ email: 'mieszkanka@example.com', scope: 'district=1' });
		const signUp = await app.ask('/alerts', { method: 'POST', body: form, headers: { origin: app.base, accept: 'application/json', 'x-sveltekit-action': 'true' } });
		expect(signUp.body).toContain('confirmation_sent');
		const confirmation = smtp.received.at(-1)!;
		expect(confirmation.to).toEqual(['mieszkanka@example.com']);
		const confirmUrl = /http:\/\/\S+\/alerts\/confirm\/[A-Za-z0-9_-]{32}/.exec(confirmation.text)![0];
		expect(confirmUrl.startsWith(app.base)).toBe(true);
		// Opening the link (as a mail scanner does) confirms nothing; its button does.
		const confirmPath = confirmUrl.slice(app.base.length);
		expect((await app.ask(confirmPath)).body).toContain('Potwierdzam, chcę dostawać powiadomienia');
		const [{ confirmed }] = await sql`SELECT confirmed_at IS NOT NULL AS confirmed FROM alert_subscriptions`;
		expect(confirmed).toBe(false);
		const pressed = await app.ask(confirmPath, { method: 'POST', body: new URLSearchParams(), headers: { origin: app.base, accept: 'text/html' } });
		expect(pressed.body).toContain('Powiadomienia włączone');

		// A report in the Old Town filed after the alert started counting, long enough ago for a run to read it.
		const filed = await app.ask('/report', {
			method: 'POST',
			body: new URLSearchParams({ type: 'problem', category: 'pothole', title: 'Dziura na Floriańskiej', lng: '19.9403', lat: '50.0632' }),
			headers: { origin: app.base, accept: 'application/json', 'x-sveltekit-action': 'true' }
		});
		const ref = /KCK-\d{4}-\d{6}/.exec(filed.body)![0];
		await sql`UPDATE alert_subscriptions SET sent_until = now() - interval '40 minutes'`;
		await sql`UPDATE status_changes SET created_at = now() - interval '20 minutes' WHERE report_id = (SELECT id FROM reports WHERE public_ref = ${ref})`;

		const { stdout } = await sendAlerts();
		expect(stdout).toContain('Sent 1;');
		const alert = smtp.received.at(-1)!;
		expect(alert.text).toContain('Dziura na Floriańskiej');
		expect(alert.text).toContain(`${app.base}/reports/${ref}`);
		expect((await sendAlerts()).stdout).toContain('Sent 0;');

		const unsubscribeUrl = /^<(.+)>$/.exec(alert.headers['list-unsubscribe'])![1];
		const oneClick = await app.ask(unsubscribeUrl.slice(app.base.length), { method: 'POST', body: new URLSearchParams({ 'List-Unsubscribe': 'One-Click' }) });
		expect(oneClick.status).toBe(200);
		const [subscription] = await sql`SELECT unsubscribed_at IS NOT NULL AS unsubscribed FROM alert_subscriptions`;
		expect(subscription.unsubscribed).toBe(true);
	});

	it('refuses a sign-up posted from another site, and says an unknown link does not work', async () => {
		const form = new URLSearchParams({ email: 'ktos@example.com', scope: 'district=1' });
		expect((await app.ask('/alerts', { method: 'POST', body: form, headers: { origin: 'https://evil.example' } })).status).toBe(403);
		const unknown = await app.ask(`/alerts/unsubscribe/${'x'.repeat(32)}`);
		expect(unknown.status).toBe(404);
		expect(unknown.body).toContain('Ten link nie działa');
	});
});

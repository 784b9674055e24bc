/**
 * One e-mail alert run (`npm run alerts:send`), for cron: every confirmed alert gets one message
 * with everything new since its last run. Mail goes through SMTP_URL; without it, messages stay in
 * the alert_messages table (the outbox) and this says so. Exits 1 when mail could not all be sent.
 * With the embedded database, run it while the app is stopped; with DATABASE_URL, any time.
 */
import { readConfig } from '../config.ts';
import { connect } from '../db/connect.ts';
import { migrate } from '../db/migrate.ts';
import { runAlerts } from '../alerts/run.ts';
import { smtpMailer } from '../alerts/mailer.ts';

const config = readConfig();
try {
	const database = await connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
	try {
		await migrate(database);
		const run = await runAlerts(database, config.origin, smtpMailer(config.smtpUrl, config.mailFrom));
		console.log(`Alerts: ${run.alerts} looked at, ${run.written} with news, one message each; links point to ${config.origin} (ORIGIN).`);
		if (!config.smtpUrl) console.log(`SMTP_URL is not set: ${run.kept} messages were kept in the outbox table alert_messages, not sent.`);
		else console.log(`Sent ${run.sent}; refused by the mail server for good: ${run.failed}; left for the next run: ${run.deferred}.`);
		if (run.unknown) console.warn(`${run.unknown} messages were being sent when an earlier run stopped: they may have gone out, so they are not sent again.`);
		if (run.failed || run.deferred) process.exitCode = 1;
	} finally {
		await database.close();
	}
} catch (e) {
	console.error((e as Error).message);
	process.exitCode = 1;
}

import nodemailer from 'nodemailer';

export interface Mail {
	to: string;
	subject: string;
	text: string;
	/** Alerts carry RFC 2369 and RFC 8058 headers: mail programs show an unsubscribe button that POSTs here. */
	unsubscribeUrl: string | null;
}

/** Sends one message; throws when the mail server did not take it (its SMTP reply code, if any, on `responseCode`). */
export type SendMail = (mail: Mail) => Promise<void>;

/** SMTP through nodemailer when `smtpUrl` is set; otherwise none, and messages stay in the outbox table. */
export function smtpMailer(smtpUrl: string | undefined, from: string): SendMail | undefined {
	if (!smtpUrl) return undefined;
	// Seconds, not nodemailer's minutes: a staff action or a sign-up waits for its one message.
	const transport = nodemailer.createTransport({ url: smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 });
	return async ({ to, subject, text, unsubscribeUrl }) => {
		await transport.sendMail({
			from,
			to,
			subject,
			text,
			headers: unsubscribeUrl ? { 'List-Unsubscribe': `<${unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } : {}
		});
	};
}

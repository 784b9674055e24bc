import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';

export interface ReceivedMail {
	to: string[];
	/** Header names in lower case, folded lines joined. */
	headers: Record<string, string>;
	text: string;
}

/**
 * A real SMTP server on 127.0.0.1 that keeps what it receives. `refuse` answers chosen recipients
 * with an SMTP reply code (451: try later; 550: no such mailbox), until changed.
 */
export async function startSmtpServer() {
	const received: ReceivedMail[] = [];
	const refuse = new Map<string, number>();
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onRcptTo(address, _session, callback) {
			const code = refuse.get(address.address);
			if (!code) return callback();
			const error = Object.assign(new Error(code >= 500 ? 'No such mailbox' : 'Try again later'), { responseCode: code });
			callback(error);
		},
		onData(stream, session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (c: Buffer) => chunks.push(c));
			stream.on('end', () => {
				const raw = Buffer.concat(chunks).toString('utf8');
				const [head, ...body] = raw.split('\r\n\r\n');
				const headers: Record<string, string> = {};
				for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
					const colon = line.indexOf(':');
					headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
				}
				received.push({ to: session.envelope.rcptTo.map((r) => r.address), headers, text: decode(body.join('\r\n\r\n'), headers['content-transfer-encoding']) });
				callback();
			});
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.server.address() as AddressInfo;
	return {
		url: `smtp://127.0.0.1:${port}`,
		received,
		refuse,
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}

/** A single-part body as nodemailer encodes it: 7bit, quoted-printable or base64. */
function decode(body: string, encoding = '7bit'): string {
	if (encoding === 'base64') return Buffer.from(body, 'base64').toString('utf8');
	if (encoding !== 'quoted-printable') return body;
	const bytes = body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
	return Buffer.from(bytes, 'latin1').toString('utf8');
}

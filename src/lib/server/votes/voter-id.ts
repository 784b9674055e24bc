import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * An anonymous voter is a random id in a signed cookie (`id.signature`): no account, no personal
 * data, and a client cannot make up ids to vote again without the server's secret.
 */

const SECRET_MIN_LENGTH = 32;
// 128 random bits and an HMAC-SHA256, both base64url without padding.
const ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;
const COOKIE_PATTERN = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/;

/** A new voter's cookie value. */
export function issueVoterId(secret: string): string {
	return signVoterId(randomBytes(16).toString('base64url'), secret);
}

/** The cookie value for `id` (as issueVoterId makes them): the id, a dot, and its signature. */
export function signVoterId(id: string, secret: string): string {
	// Anything else would make a cookie that never verifies.
	if (!ID_PATTERN.test(id)) throw new Error('A voter id is 22 base64url characters');
	return `${id}.${signature(id, secret)}`;
}

/** The voter id a cookie value carries, or null when it was not signed with this secret. */
export function verifyVoterCookie(value: string | undefined, secret: string): string | null {
	const match = typeof value === 'string' && value.length === 66 ? COOKIE_PATTERN.exec(value) : null;
	if (!match) return null;
	const [, id, given] = match;
	// Compared as text: decoding base64url would accept other spellings of the same bytes.
	return timingSafeEqual(Buffer.from(given), Buffer.from(signature(id, secret))) ? id : null;
}

function signature(id: string, secret: string): string {
	return createHmac('sha256', secret).update(id).digest('base64url');
}

/**
 * The secret that signs voter cookies: SESSION_SECRET when set, otherwise one made on first use and
 * kept in `dataDir`, so cookies stay valid across restarts without any configuration.
 */
export async function loadOrCreateSecret(dataDir: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
	if (env.SESSION_SECRET) {
		if (env.SESSION_SECRET.length < SECRET_MIN_LENGTH) {
			throw new Error(`SESSION_SECRET must be at least ${SECRET_MIN_LENGTH} characters long, got ${env.SESSION_SECRET.length}`);
		}
		return env.SESSION_SECRET;
	}
	const file = path.join(dataDir, 'session-secret');
	if (!existsSync(file)) {
		await mkdir(dataDir, { recursive: true });
		await createOnce(file, randomBytes(32).toString('base64url'));
	}
	const secret = (await readFile(file, 'utf8')).trim();
	if (secret.length < SECRET_MIN_LENGTH) throw new Error(`${file} holds no usable secret; delete it to make a new one`);
	return secret;
}

/** Writes `file` whole unless it exists: a second process starting at the same time keeps the first one's secret. */
async function createOnce(file: string, content: string): Promise<void> {
	const draft = `${file}.${process.pid}.${randomBytes(6).toString('hex')}`;
	await writeFile(draft, content, { mode: 0o600, flag: 'wx' });
	try {
		await link(draft, file);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
	} finally {
		await unlink(draft);
	}
}

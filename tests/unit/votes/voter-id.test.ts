import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { issueVoterId, loadOrCreateSecret, signVoterId, verifyVoterCookie } from '../../../src/lib/server/votes/voter-id.ts';

const secret = 'a'.repeat(32);
const otherSecret = 'b'.repeat(32);

/** `value` with the character at `index` replaced by a different base64url character. */
const changeAt = (value: string, index: number) => value.slice(0, index) + (value[index] === 'A' ? 'B' : 'A') + value.slice(index + 1);

describe('voter cookies', () => {
	it('carry a fresh random 128-bit id that verifies with the same secret', () => {
		const cookie = issueVoterId(secret);
		const id = verifyVoterCookie(cookie, secret);
		expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
		expect(Buffer.from(id!, 'base64url')).toHaveLength(16);
		expect(cookie.startsWith(`${id}.`)).toBe(true);
		expect(verifyVoterCookie(issueVoterId(secret), secret)).not.toBe(id);
	});

	it('round-trip a signed id', () => {
		const id = 'AAAAAAAAAAAAAAAAAAAAAA';
		expect(verifyVoterCookie(signVoterId(id, secret), secret)).toBe(id);
		expect(() => signVoterId('short', secret)).toThrow();
	});

	it('refuse any change to one character of the id or the signature', () => {
		const cookie = issueVoterId(secret);
		for (let i = 0; i < cookie.length; i++) {
			if (cookie[i] === '.') continue;
			expect(verifyVoterCookie(changeAt(cookie, i), secret), `character ${i}`).toBeNull();
		}
	});

	it('refuse a cookie signed with another secret, or an id with a signature of another id', () => {
		const cookie = issueVoterId(secret);
		expect(verifyVoterCookie(cookie, otherSecret)).toBeNull();
		const [, signature] = issueVoterId(secret).split('.');
		expect(verifyVoterCookie(`${cookie.split('.')[0]}.${signature}`, secret)).toBeNull();
	});

	const [id, signature] = issueVoterId(secret).split('.');
	it.each([
		['empty', ''],
		['missing', undefined],
		['no dot', id + signature],
		['a letter for the dot', `${id}A${signature}`],
		['not base64url', `${id}.${signature.slice(0, -1)}ą`],
		['no signature', `${id}.`],
		['no id', `.${signature}`],
		['truncated', `${id}.${signature.slice(0, -1)}`],
		['extended', `${id}.${signature}A`],
		['huge', `${id}.${'A'.repeat(1_000_000)}`],
		['dots only', '.'.repeat(66)],
		['the parts swapped', `${signature}.${id}`]
	])('refuse a value that is %s', (_, value) => {
		expect(verifyVoterCookie(value, secret)).toBeNull();
	});
});

describe('the signing secret', () => {
	let dir: string;
	beforeEach(async () => {
		dir = await mkdtemp(path.join(tmpdir(), 'kck-secret-'));
	});
	afterEach(() => rm(dir, { recursive: true, force: true }));

	it('is made on first use in a file only the owner can read, and reused afterwards', async () => {
		const dataDir = path.join(dir, 'data');
		const first = await loadOrCreateSecret(dataDir, {});
		expect(first.length).toBeGreaterThanOrEqual(32);
		expect(Buffer.from(first, 'base64url')).toHaveLength(32);
		const file = path.join(dataDir, 'session-secret');
		expect((await stat(file)).mode & 0o777).toBe(0o600);
		expect(await readFile(file, 'utf8')).toBe(first);
		expect(await loadOrCreateSecret(dataDir, {})).toBe(first);
	});

	it('is one secret when several start at once', async () => {
		const secrets = await Promise.all(Array.from({ length: 8 }, () => loadOrCreateSecret(dir, {})));
		expect(new Set(secrets).size).toBe(1);
	});

	it('comes from SESSION_SECRET when set, without touching the data folder', async () => {
		const fromEnv = 'x'.repeat(40);
		expect(await loadOrCreateSecret(dir, { SESSION_SECRET: fromEnv })).toBe(fromEnv);
		await expect(stat(path.join(dir, 'session-secret'))).rejects.toThrow();
	});

	it('refuses a SESSION_SECRET shorter than 32 characters', async () => {
		await expect(loadOrCreateSecret(dir, { SESSION_SECRET: 'too-short' })).rejects.toThrow(/SESSION_SECRET.*at least 32/);
	});

	it('refuses a damaged secret file instead of signing with it', async () => {
		await writeFile(path.join(dir, 'session-secret'), 'short');
		await expect(loadOrCreateSecret(dir, {})).rejects.toThrow(/session-secret/);
	});
});

import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '../../../src/lib/server/db/connect.ts';
import { apiKeyInUse, createApiKey, listApiKeys, revokeApiKey } from '../../../src/lib/server/api-keys/keys.ts';
import { submitServiceRequest } from '../../../src/lib/server/open311/submit.ts';
import { findRequest } from '../../../src/lib/server/open311/requests.ts';
import { clearReports, rowCounts, testDatabase } from '../../support/database.ts';

let database: Database;
let uploadsDir: string;
let key: string;
const ORIGIN = 'http://127.0.0.1';

const form = (fields: Record<string, string | File>) => {
	const data = new FormData();
	for (const [name, value] of Object.entries(fields)) data.append(name, value);
	return data;
};
/** A valid request in the Old Town; `changes` adds or replaces fields. */
const request = (changes: Record<string, string | File> = {}) =>
	form({ api_key: key, service_code: 'pothole', lat: '50.0614', long: '19.9372', description: 'Głęboka dziura\nprzy przejściu dla pieszych', ...changes });
const submit = (data: FormData, headers: Record<string, string> = {}) =>
	submitServiceRequest(database, data, uploadsDir, { setHeaders: () => {}, url: new URL(ORIGIN), request: new Request(ORIGIN, { headers }) });

beforeAll(async () => {
	database = await testDatabase();
	await clearReports(database);
	uploadsDir = await mkdtemp(path.join(tmpdir(), 'kck-open311-'));
	({ key } = await createApiKey(database, 'Aplikacja testowa'));
});
afterAll(() => rm(uploadsDir, { recursive: true, force: true }));

describe('API keys', () => {
	it('are stored as hashes only, and work until revoked', async () => {
		const { id, key: second } = await createApiKey(database, 'Druga aplikacja');
		expect(second).toMatch(/^kck_[A-Za-z0-9_-]{32}$/);
		const [stored] = await database.rows<Record<string, unknown>>(sql`SELECT * FROM api_keys WHERE id = ${id}`);
		expect(JSON.stringify(stored)).not.toContain(second.slice(8));
		expect(stored.prefix).toBe(second.slice(0, 8));
		expect(await apiKeyInUse(database, second)).toEqual({ id, name: 'Druga aplikacja' });
		expect((await listApiKeys(database)).find((k) => k.id === id)?.lastUsedAt).not.toBeNull();
		expect(await revokeApiKey(database, id)).toBe(true);
		expect(await apiKeyInUse(database, second)).toBeNull();
		expect(await revokeApiKey(database, id)).toBe(false);
		expect(await apiKeyInUse(database, `${second.slice(0, -1)}x`)).toBeNull();
	});
});

describe('POST service requests', () => {
	it('file a report as the form does, with its contact kept private and the application noted', async () => {
		const answer = await submit(request({ email: 'ola@example.com', phone: '+48 600 100 200', address_string: 'ul. Floriańska 1' }));
		expect(answer.service_request_id).toMatch(/^KCK-\d{4}-\d{6}$/);
		expect(answer.service_notice).toContain(`${ORIGIN}/reports/${answer.service_request_id}`);
		const read = await findRequest(database, answer.service_request_id, 'en', ORIGIN);
		expect(read).toMatchObject({ service_code: 'pothole', status: 'open', lat: 50.0614, long: 19.9372, address: 'ul. Floriańska 1' });
		const [row] = await database.rows<{ title: string; channel: string; key: string; email: string; phone: string }>(sql`
			SELECT r.title, r.channel, k.name AS key, c.email, c.phone FROM reports r
			JOIN api_keys k ON k.id = r.api_key_id JOIN reporter_contacts c ON c.report_id = r.id
			WHERE r.public_ref = ${answer.service_request_id}`);
		expect(row).toEqual({ title: 'Głęboka dziura', channel: 'online', key: 'Aplikacja testowa', email: 'ola@example.com', phone: '+48 600 100 200' });
	});

	it('take a stated channel and title, and a photo sent as media', async () => {
		const photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#3a7' } }).jpeg().toBuffer();
		const answer = await submit(request({ channel: 'phone', title: 'Dziura na Rynku', media: new File([photo], 'dziura.jpg', { type: 'image/jpeg' }) }));
		const [row] = await database.rows<{ title: string; channel: string; photos: number }>(sql`
			SELECT title, channel, (SELECT count(*)::int FROM photos p WHERE p.report_id = r.id) AS photos FROM reports r WHERE public_ref = ${answer.service_request_id}`);
		expect(row).toEqual({ title: 'Dziura na Rynku', channel: 'phone', photos: 1 });
		expect((await findRequest(database, answer.service_request_id, 'en', ORIGIN))?.media_url).toMatch(/^http:\/\/127\.0\.0\.1\/photos\//);
	});

	it('file one report for a retried request with the same Idempotency-Key', async () => {
		const headers = { 'idempotency-key': 'retry-0001-abcdefgh' };
		const first = await submit(request({ description: 'Ponowione żądanie' }), headers);
		expect(await submit(request({ description: 'Ponowione żądanie' }), headers)).toEqual(first);
		const [{ filed }] = await database.rows<{ filed: number }>(sql`SELECT count(*)::int AS filed FROM reports WHERE description = 'Ponowione żądanie'`);
		expect(filed).toBe(1);
	});

	it('title a report without description by its service', async () => {
		const answer = await submit(request({ description: '' }));
		const [row] = await database.rows<{ title: string }>(sql`SELECT title FROM reports WHERE public_ref = ${answer.service_request_id}`);
		expect(row.title).toBe('Dziura w jezdni, uszkodzona droga');
	});

	const fake = new File([Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')], 'x.jpg', { type: 'image/jpeg' });
	it.each([
		['no key', 403, { api_key: '' }, /api_key/],
		['an unknown key', 403, { api_key: `kck_${'A'.repeat(32)}` }, /api_key/],
		['no service code', 400, { service_code: '' }, /service_code is required/],
		['an unknown service', 404, { service_code: 'dragons' }, /No service dragons/],
		['no position', 400, { lat: '' }, /lat and long are required/],
		['a position outside Kraków', 400, { lat: '52.2297', long: '21.0122' }, /lat\/long: .*outside Kraków/],
		['a position off the globe', 400, { lat: '91' }, /^lat: /],
		['a title too long', 400, { title: 'x'.repeat(121) }, /^title: .*120/],
		['a description too long', 400, { description: 'x'.repeat(5001) }, /^description: .*5000/],
		['a malformed e-mail', 400, { email: 'ola@' }, /^email: /],
		['an unknown channel', 400, { channel: 'pigeon' }, /^channel: /],
		['a media_url', 400, { media_url: 'http://example.com/a.jpg' }, /media_url is not accepted/],
		['a fake image', 400, { media: fake }, /^media: /]
	] as const)('refuse %s (%i), saving nothing', async (_, status, changes, message) => {
		const before = await rowCounts(database);
		const photosBefore = await readdir(path.join(uploadsDir, 'photos')).catch(() => []);
		await expect(submit(request(changes as Record<string, string | File>))).rejects.toMatchObject({ status, message: expect.stringMatching(message) });
		expect(await rowCounts(database)).toEqual(before);
		expect(await readdir(path.join(uploadsDir, 'photos')).catch(() => [])).toEqual(photosBefore);
	});
});

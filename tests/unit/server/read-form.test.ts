import { describe, expect, it } from 'vitest';
import { readForm } from '../../../src/lib/server/http.ts';

const post = (body: BodyInit, type: string) => new Request('http://localhost/', { method: 'POST', body, headers: { 'content-type': type }, duplex: 'half' } as RequestInit);

describe('reading a form', () => {
	it('gives the fields of a well-formed body', async () => {
		expect((await readForm(post('title=Dziura', 'application/x-www-form-urlencoded'), 'not a form')).get('title')).toBe('Dziura');
	});

	it.each([
		['multipart without a boundary', 'x', 'multipart/form-data'],
		['multipart with another boundary', '--inna\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--inna--', 'multipart/form-data; boundary=XyZ'],
		['JSON', '{"title":"Dziura"}', 'application/json']
	])('refuses %s with a 400 saying what to send', async (_, body, type) => {
		await expect(readForm(post(body, type), 'not a form')).rejects.toMatchObject({ name: 'InputError', status: 400, key: 'not a form' });
	});

	it('keeps a body over BODY_SIZE_LIMIT a 413 (adapter-node fails its stream with that status)', async () => {
		const tooLarge = new ReadableStream({ start: (controller) => controller.error(Object.assign(new Error('too large'), { status: 413 })) });
		await expect(readForm(post(tooLarge, 'application/x-www-form-urlencoded'), 'not a form')).rejects.toMatchObject({ status: 413, key: 'errors.request_too_large' });
	});
});

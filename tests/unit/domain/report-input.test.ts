import { describe, expect, it } from 'vitest';
import { newReportSchema, reportFormValues } from '../../../src/lib/domain/report-input.ts';

const valid = { type: 'problem', category: 'pothole', title: 'Dziura na Karmelickiej', lng: '19.93', lat: '50.065' };

describe('new report input', () => {
	it('accepts a minimal report and fills defaults', () => {
		const parsed = newReportSchema.parse(valid);
		expect(parsed).toMatchObject({ lng: 19.93, lat: 50.065, channel: 'online', description: '' });
		expect(parsed.email).toBeUndefined();
	});

	it('names the field and the message key of each problem', () => {
		const result = newReportSchema.safeParse({ ...valid, title: '  ', lat: 'north', email: 'nope' });
		expect(result.success).toBe(false);
		const issues = Object.fromEntries(result.error!.issues.map((i) => [i.path.join('.'), i.message]));
		expect(issues).toEqual({ title: 'errors.title_required', lat: 'errors.location', email: 'errors.email' });
	});

	it('refuses an unknown type or channel', () => {
		expect(newReportSchema.safeParse({ ...valid, type: 'complaint' }).error?.issues[0].message).toBe('errors.type');
		expect(newReportSchema.safeParse({ ...valid, channel: 'pigeon' }).error?.issues[0].message).toBe('errors.channel');
	});

	it('drops NUL characters, which PostgreSQL cannot store, and refuses a category that is no code', () => {
		expect(newReportSchema.parse({ ...valid, title: 'Dziura\u0000 na rogu', description: '\u0000', address: 'Rynek\u0000 1' })).toMatchObject({ title: 'Dziura na rogu', description: '', address: 'Rynek 1' });
		for (const category of ['pothole\u0000', "pothole' OR '1'='1", 'POTHOLE']) {
			expect(newReportSchema.safeParse({ ...valid, category }).error?.issues[0].message).toBe('errors.category');
		}
	});

	it('treats empty optional contact fields as absent', () => {
		const parsed = newReportSchema.parse({ ...valid, email: '', phone: '', address: ' ' });
		expect(parsed.email).toBeUndefined();
		expect(parsed.phone).toBeUndefined();
		expect(parsed.address).toBeUndefined();
	});
});

describe('the form as sent', () => {
	it('gives every text field, empty when missing, and leaves the photos out', () => {
		const form = new FormData();
		form.set('title', 'Dziura');
		form.set('lat', '50.065');
		form.set('photos', new File(['x'], 'zdjecie.jpg'));
		expect(reportFormValues(form)).toEqual({ type: '', category: '', title: 'Dziura', description: '', lng: '', lat: '50.065', address: '', email: '', phone: '', submission: '' });
	});
});

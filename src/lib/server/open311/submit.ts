import { createHash } from 'node:crypto';
import type { RequestEvent } from '@sveltejs/kit';
import type { Database } from '../db/connect.ts';
import { enforceRateLimit } from '../rate-limits.ts';
import { listCategories } from '../catalog/read.ts';
import { apiKeyInUse } from '../api-keys/keys.ts';
import { createReport } from '../reports/create.ts';
import { preparePhotos } from '../photos/prepare.ts';
import { InputError } from '../errors.ts';
import { message } from '../http.ts';
import { newReportSchema, TITLE_MAX } from '../../domain/report-input.ts';

/** What GeoReport v2 answers to a new request. */
export interface AcceptedRequest {
	service_request_id: string;
	service_notice: string;
	account_id: null;
}

/** The form's field names as Open311 spells them, for error messages a client can act on. */
const OPEN311_FIELD: Record<string, string> = { lng: 'long', category: 'service_code', address: 'address_string', location: 'lat/long', photos: 'media' };

/**
 * GeoReport v2 has no title: a report's title is the first line of its description (cut at a word
 * near TITLE_MAX), or the service's name when there is no description.
 */
export function titleOf(description: string, serviceName: string): string {
	const firstLine = description.trim().split(/\r?\n/, 1)[0].trim();
	if (!firstLine) return serviceName;
	if (firstLine.length <= TITLE_MAX) return firstLine;
	const cut = firstLine.slice(0, TITLE_MAX - 1);
	const atWord = cut.lastIndexOf(' ');
	return `${(atWord > TITLE_MAX / 2 ? cut.slice(0, atWord) : cut).trimEnd()}…`;
}

/**
 * A service request POSTed by an application: its key must be in use (403), its service known
 * (404), and the report passes exactly the form's checks (inside Kraków, lengths, contact, photos)
 * before one transaction saves it (400 otherwise, and nothing is saved).
 */
export async function submitServiceRequest(
	database: Database,
	form: FormData,
	uploadsDir: string,
	event: Pick<RequestEvent, 'setHeaders' | 'url' | 'request'>
): Promise<AcceptedRequest> {
	const text = (name: string) => {
		const value = form.get(name);
		return typeof value === 'string' ? value : '';
	};
	const key = await apiKeyInUse(database, text('api_key'));
	if (!key) throw new InputError('api_key is missing, unknown or revoked. Ask KCK for a key and send it as the api_key field.', { status: 403, field: 'api_key' });
	await enforceRateLimit(event, database, 'reportsPerApiKey', String(key.id));

	const code = text('service_code').trim();
	if (!code) throw new InputError('service_code is required: one of the codes that services.json lists.', { field: 'service_code' });
	const service = (await listCategories(database)).find((c) => c.code === code);
	if (!service) throw new InputError(`No service ${code}: services.json lists the codes.`, { status: 404, field: 'service_code' });
	if (!text('lat').trim() || !text('long').trim()) {
		throw new InputError('lat and long are required: every report is placed on the map (address_string alone is not geocoded).', { field: 'lat' });
	}
	if (text('media_url').trim()) {
		throw new InputError('media_url is not accepted (this service fetches no files from elsewhere): send the photo itself as a multipart part named media.', { field: 'media_url' });
	}

	const description = text('description');
	const parsed = newReportSchema.safeParse({
		type: service.type,
		category: code,
		title: text('title').trim() || titleOf(description, service.namePl),
		description,
		lng: text('long'),
		lat: text('lat'),
		address: text('address_string'),
		channel: text('channel').trim() || 'online',
		email: text('email'),
		phone: text('phone')
	});
	if (!parsed.success) {
		const problems = parsed.error.issues.map((issue) => {
			const field = String(issue.path[0]);
			return `${OPEN311_FIELD[field] ?? field}: ${message('en', issue.message)}`;
		});
		throw new InputError(problems.join(' '), { field: String(parsed.error.issues[0].path[0]) });
	}
	try {
		const photos = await preparePhotos(form.getAll('media').filter((f): f is File => f instanceof File));
		// An Idempotency-Key (the IETF draft's header) makes a client's retry file one report. Kept per API
		// key and hashed, so any value a client picks fits, and no other client's or form's key can match it.
		const idempotency = event.request.headers.get('idempotency-key')?.trim();
		const submissionKey = idempotency ? `open311:${key.id}:${createHash('sha256').update(idempotency).digest('hex')}` : undefined;
		const created = await createReport(database, parsed.data, { photos, uploadsDir }, { apiKeyId: key.id, submissionKey });
		return {
			service_request_id: created.publicRef,
			service_notice: `KCK has the report and forwards it to the department in charge; follow it at ${event.url.origin}/reports/${created.publicRef}`,
			account_id: null
		};
	} catch (e) {
		if (e instanceof InputError) throw new InputError(`${OPEN311_FIELD[e.field ?? ''] ?? e.field}: ${message('en', e.key)}`, { status: e.status, field: e.field });
		throw e;
	}
}

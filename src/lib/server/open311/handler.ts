import { InputError } from '../errors.ts';
import { isDatabaseUnavailable, OutcomeUnknownError } from '../db/outage.ts';
import { open311Error, type Open311Format } from './format.ts';

/** Runs an Open311 handler, answering bad input with the specification's error list (400) in the format asked for. */
export async function open311(format: string, handler: (format: Open311Format) => Promise<Response>): Promise<Response> {
	const chosen = format as Open311Format;
	try {
		return await handler(chosen);
	} catch (e) {
		if (e instanceof InputError) return open311Error(chosen, e.status, e.message);
		// A client that simply retried could file the report twice.
		if (e instanceof OutcomeUnknownError) {
			return open311Error(chosen, 503, 'The connection to the database broke while saving, so the request may have been saved: look for it in requests.json before sending it again.');
		}
		if (isDatabaseUnavailable(e)) return open311Error(chosen, 503, 'The service is briefly unavailable; try again in a few seconds.');
		throw e;
	}
}

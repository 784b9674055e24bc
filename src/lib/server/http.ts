import { json } from '@sveltejs/kit';
import type { z } from 'zod';
import { isMessageKey, translate, type Language } from '../i18n/index.ts';
import { InputError } from './errors.ts';

/** A message key or text, in the reader's language. */
export function message(lang: Language, key: string): string {
	return isMessageKey(key) ? translate(lang, key) : key;
}

/** An API's answer to bad input: the status and a message a person understands, per field where known. */
export function inputErrorResponse(error: InputError, lang: Language): Response {
	return json({ error: { code: error.key, message: message(lang, error.key), field: error.field } }, { status: error.status });
}

/** Field → message for the first problem with each field of a failed zod parse. */
export function fieldErrors(error: z.ZodError, lang: Language): Record<string, string> {
	const errors: Record<string, string> = {};
	for (const issue of error.issues) {
		const field = String(issue.path[0] ?? 'form');
		errors[field] ??= message(lang, issue.message);
	}
	return errors;
}

/** Runs an API handler, turning an InputError into its 4xx answer; anything else stays a bug (500). */
export async function answering(lang: Language, handler: () => Promise<Response>): Promise<Response> {
	try {
		return await handler();
	} catch (e) {
		if (e instanceof InputError) return inputErrorResponse(e, lang);
		throw e;
	}
}

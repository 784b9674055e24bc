import { error, json } from '@sveltejs/kit';
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

/**
 * The request's form fields. A body that cannot be read as a form (a broken multipart body, another
 * content type) is the client's mistake, a 400 saying `notAForm`; one over BODY_SIZE_LIMIT (adapter-node
 * fails the body's stream with a 413) stays a 413. Never the 500 that request.formData()'s error would give.
 */
export async function readForm(request: Request, notAForm: string): Promise<FormData> {
	try {
		return await request.formData();
	} catch (e) {
		if ((e as { status?: unknown }).status === 413) throw new InputError('errors.request_too_large', { status: 413 });
		throw new InputError(notAForm);
	}
}

/** readForm for a page's form action: the refusal is the site's error page (or, to the page's script, its error). */
export function formOf(request: Request, lang: Language): Promise<FormData> {
	return readForm(request, 'errors.form_unreadable').catch((e: InputError) => error(e.status, message(lang, e.key)));
}

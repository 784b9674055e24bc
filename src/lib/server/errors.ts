import { isMessageKey, translate } from '../i18n/index.ts';

/**
 * A problem with what a person sent or configured: shown to them (translated when `key` is an
 * i18n key), answered with `status` (4xx). Anything else that is thrown is a bug and answers 500.
 */
export class InputError extends Error {
	/** An i18n key, or plain English text for operators' tools. */
	readonly key: string;
	readonly status: number;
	/** The form field it concerns, so forms can show it in place. */
	readonly field: string | undefined;

	constructor(key: string, options: { status?: number; field?: string } = {}) {
		super(isMessageKey(key) ? translate('en', key) : key);
		this.name = 'InputError';
		this.key = key;
		this.status = options.status ?? 400;
		this.field = options.field;
	}
}

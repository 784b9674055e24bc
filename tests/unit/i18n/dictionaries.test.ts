import { describe, expect, it } from 'vitest';
import { pl } from '../../../src/lib/i18n/pl.ts';
import { en } from '../../../src/lib/i18n/en.ts';
import { translate } from '../../../src/lib/i18n/index.ts';

describe('dictionaries', () => {
	it('have the same keys and the same placeholders', () => {
		expect(Object.keys(en).sort()).toEqual(Object.keys(pl).sort());
		const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
		for (const key of Object.keys(pl) as (keyof typeof pl)[]) {
			expect(placeholders(en[key]), key).toEqual(placeholders(pl[key]));
			expect(en[key].trim(), key).not.toBe('');
		}
	});

	it('fills placeholders', () => {
		expect(translate('en', 'list.page', { page: 12 })).toBe('Page 12');
	});
});

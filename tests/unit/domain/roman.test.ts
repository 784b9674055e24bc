import { describe, expect, it } from 'vitest';
import { parseRoman, toRoman } from '../../../src/lib/domain/roman.ts';

describe('roman numerals', () => {
	it('round-trips the 18 district numbers', () => {
		for (let n = 1; n <= 18; n++) expect(parseRoman(toRoman(n))).toBe(n);
		expect(toRoman(14)).toBe('XIV');
	});

	it('rejects what is not a canonical numeral', () => {
		expect(parseRoman('IIII')).toBeNull();
		expect(parseRoman('Dzielnica')).toBeNull();
		expect(parseRoman('')).toBeNull();
	});
});

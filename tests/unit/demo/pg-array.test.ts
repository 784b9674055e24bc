import { describe, expect, it } from 'vitest';
import { pgArray } from '../../../src/lib/server/demo/pg-array.ts';

describe('PostgreSQL array literals', () => {
	it('write numbers bare and NULL unquoted', () => {
		expect(pgArray([1, 2.5, null, -3])).toBe('{1,2.5,NULL,-3}');
		expect(pgArray([])).toBe('{}');
	});

	it('quote every string, escaping quotes and backslashes', () => {
		expect(pgArray(['a,b', 'say "hi"', 'back\\slash', 'NULL', '', '{x}'])).toBe(
			'{"a,b","say \\"hi\\"","back\\\\slash","NULL","","{x}"}'
		);
	});

	it('refuse numbers PostgreSQL cannot read', () => {
		expect(() => pgArray([Number.NaN])).toThrow();
		expect(() => pgArray([Number.POSITIVE_INFINITY])).toThrow();
	});
});

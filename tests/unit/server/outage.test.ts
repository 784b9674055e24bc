import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from '../../../src/lib/server/db/outage.ts';

describe('isDatabaseUnavailable', () => {
	it.each([
		['a driver code', { code: 'CONNECTION_CLOSED' }, true],
		['a refused socket, wrapped by drizzle', new Error('Failed query', { cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }) }), true],
		['the server shutting down', { code: '57P01' }, true],
		['the server starting up', { code: '57P03' }, true],
		['a connection exception class', { code: '08006' }, true],
		['a unique violation', { code: '23505' }, false],
		['a syntax error', { code: '42601' }, false],
		['a plain bug', new TypeError('x is undefined'), false],
		['nothing', undefined, false]
	])('%s: %s', (_, error, expected) => {
		expect(isDatabaseUnavailable(error)).toBe(expected);
	});
});

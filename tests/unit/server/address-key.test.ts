import { describe, expect, it } from 'vitest';
import { addressKey } from '../../../src/lib/server/rate-limits.ts';

describe('the key a client address is limited by', () => {
	it('is an IPv4 address itself, also when mapped into IPv6', () => {
		expect(addressKey('203.0.113.7')).toBe('203.0.113.7');
		expect(addressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
	});

	it('is the /64 of an IPv6 address, however it is written', () => {
		expect(addressKey('2001:db8:85a3:1:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:85a3:1::/64');
		expect(addressKey('2001:0db8:85a3:0001::1')).toBe('2001:db8:85a3:1::/64');
		expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
		expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
		expect(addressKey('::1')).toBe('0:0:0:0::/64');
	});
});

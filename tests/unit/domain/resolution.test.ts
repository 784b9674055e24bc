import { describe, expect, it } from 'vitest';
import { formatRate, resolutionRate } from '../../../src/lib/domain/resolution.ts';

describe('resolution rate', () => {
	it('is resolved over finished interventions, duplicates left out', () => {
		expect(resolutionRate({ resolved: 88, rejected: 7, not_competent: 5, duplicate: 40, new: 300 })).toBeCloseTo(0.88);
	});

	it('is null, not zero, when nothing has finished', () => {
		expect(resolutionRate({ new: 5, in_progress: 2, duplicate: 3 })).toBeNull();
		expect(resolutionRate({})).toBeNull();
	});

	it('is 0 when every finished intervention failed', () => {
		expect(resolutionRate({ rejected: 2 })).toBe(0);
	});

	it('formats in the reader’s language', () => {
		expect(formatRate(0.88, 'en-GB')).toBe('88%');
		expect(formatRate(0.88, 'pl-PL')).toMatch(/^88\s?%$/);
		expect(formatRate(null, 'pl-PL')).toBe('–');
		expect(formatRate(0.999, 'en-GB')).toBe('99.9%');
	});
});

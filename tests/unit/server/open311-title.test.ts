import { describe, expect, it } from 'vitest';
import { titleOf } from '../../../src/lib/server/open311/submit.ts';
import { TITLE_MAX } from '../../../src/lib/domain/report-input.ts';

describe('the title of a report filed through Open311', () => {
	it('is the description’s first line, or the service’s name without one', () => {
		expect(titleOf('  Zepsuta ławka\r\nprzy fontannie', 'Ławki')).toBe('Zepsuta ławka');
		expect(titleOf(' \n ', 'Ławki')).toBe('Ławki');
	});

	it('is cut at a word, within the limit, when the line is long', () => {
		const title = titleOf(`Bardzo ${'długi opis '.repeat(30)}`, 'Ławki');
		expect(title.length).toBeLessThanOrEqual(TITLE_MAX);
		expect(title).toMatch(/^Bardzo długi opis .* opis…$/);
		expect(titleOf('x'.repeat(300), 'Ławki')).toBe(`${'x'.repeat(TITLE_MAX - 1)}…`);
	});
});

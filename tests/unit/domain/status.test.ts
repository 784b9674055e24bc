import { describe, expect, it } from 'vitest';
import {
	CLOSED_STATUSES,
	OPEN_STATUSES,
	STATUSES,
	allowedTransitions,
	canTransition,
	isOpen,
	isStatus,
	statusGroup
} from '../../../src/lib/domain/status.ts';

describe('statuses', () => {
	it('splits every status into exactly one of open or closed', () => {
		const both = [...OPEN_STATUSES, ...CLOSED_STATUSES].sort();
		expect(both).toEqual([...STATUSES].sort());
	});

	it('groups statuses the way residents see them', () => {
		expect(statusGroup('new')).toBe('open');
		expect(statusGroup('accepted')).toBe('open');
		expect(statusGroup('forwarded')).toBe('in_progress');
		expect(statusGroup('in_progress')).toBe('in_progress');
		expect(statusGroup('resolved')).toBe('resolved');
		expect(statusGroup('duplicate')).toBe('closed');
		expect(statusGroup('not_competent')).toBe('closed');
	});

	it('follows the KCK path new → accepted → forwarded → in progress → resolved', () => {
		const path = ['new', 'accepted', 'forwarded', 'in_progress', 'resolved'] as const;
		for (let i = 1; i < path.length; i++) expect(canTransition(path[i - 1], path[i])).toBe(true);
	});

	it('refuses skipping back or staying put', () => {
		expect(canTransition('resolved', 'new')).toBe(false);
		expect(canTransition('in_progress', 'in_progress')).toBe(false);
		expect(canTransition('new', 'resolved')).toBe(false);
		for (const s of STATUSES) expect(allowedTransitions(s)).not.toContain(s);
	});

	it('can reopen every closed report', () => {
		for (const s of CLOSED_STATUSES) expect(canTransition(s, 'accepted')).toBe(true);
	});

	it('recognises status codes and nothing else', () => {
		expect(isStatus('in_progress')).toBe(true);
		expect(isStatus('done')).toBe(false);
		expect(isStatus(3)).toBe(false);
		expect(isOpen('forwarded')).toBe(true);
		expect(isOpen('rejected')).toBe(false);
	});
});

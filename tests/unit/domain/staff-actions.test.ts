import { describe, expect, it } from 'vitest';
import { availableActions, mayTake, STATUS_ACTIONS, STATUS_ACTION_NAMES } from '../../../src/lib/domain/staff-actions.ts';
import { canTransition, STATUSES } from '../../../src/lib/domain/status.ts';

describe('staff actions on a report', () => {
	it('are only the domain’s transitions (forwarding again changes the department)', () => {
		for (const status of STATUSES) {
			for (const action of STATUS_ACTION_NAMES) {
				if (!mayTake(action, status, 'admin')) continue;
				const { to } = STATUS_ACTIONS[action];
				expect(canTransition(status, to) || (action === 'forward' && status === 'forwarded'), `${action} from ${status}`).toBe(true);
			}
		}
	});

	it('accept new reports, reopen closed ones', () => {
		expect(availableActions('new', 'operator')).toEqual(['accept', 'forward', 'reject', 'not_competent', 'duplicate']);
		expect(availableActions('resolved', 'operator')).toEqual(['reopen']);
		expect(availableActions('accepted', 'operator')).not.toContain('reopen');
		expect(availableActions('forwarded', 'operator')).toContain('forward');
	});

	it('leave department staff to work, resolve, reject or hand back as not the city’s', () => {
		expect(availableActions('forwarded', 'department')).toEqual(['start', 'resolve', 'reject', 'not_competent']);
		expect(availableActions('in_progress', 'department')).toEqual(['resolve', 'reject']);
		expect(availableActions('new', 'department')).toEqual(['reject', 'not_competent']);
		expect(availableActions('resolved', 'department')).toEqual([]);
	});
});

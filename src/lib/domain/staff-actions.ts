import { canTransition, CLOSED_STATUSES, type Status } from './status.ts';
import { actsAsOperator, type StaffRole } from './staff.ts';

interface StatusActionRule {
	to: Status;
	/** Department staff may take it on their department's reports; otherwise operators only. */
	department: boolean;
	/** A public note is required: why it was rejected, or where to turn instead. */
	noteRequired?: boolean;
	/** Only from these statuses (accept is for new reports, reopen for closed ones), within the allowed transitions. */
	from?: readonly Status[];
}

/** What staff do to a report, each a status change the domain's transitions allow. */
export const STATUS_ACTIONS = {
	accept: { to: 'accepted', department: false, from: ['new'] },
	forward: { to: 'forwarded', department: false },
	start: { to: 'in_progress', department: true },
	resolve: { to: 'resolved', department: true },
	reject: { to: 'rejected', department: true, noteRequired: true },
	not_competent: { to: 'not_competent', department: true, noteRequired: true },
	duplicate: { to: 'duplicate', department: false },
	reopen: { to: 'accepted', department: false, from: CLOSED_STATUSES }
} as const satisfies Record<string, StatusActionRule>;

export type StatusAction = keyof typeof STATUS_ACTIONS;
export const STATUS_ACTION_NAMES = Object.keys(STATUS_ACTIONS) as StatusAction[];

export function isStatusAction(value: unknown): value is StatusAction {
	return typeof value === 'string' && Object.hasOwn(STATUS_ACTIONS, value);
}

/**
 * Whether `role` may take `action` on a report in `status`. Forwarding a forwarded report again
 * changes its department (the status stays), so it is allowed though not a transition.
 */
export function mayTake(action: StatusAction, status: Status, role: StaffRole): boolean {
	const rule: StatusActionRule = STATUS_ACTIONS[action];
	if (!actsAsOperator(role) && !rule.department) return false;
	if (rule.from && !rule.from.includes(status)) return false;
	return canTransition(status, rule.to) || (action === 'forward' && status === 'forwarded');
}

/** The actions open to `role` on a report in `status`, in the order of STATUS_ACTIONS. */
export function availableActions(status: Status, role: StaffRole): StatusAction[] {
	return STATUS_ACTION_NAMES.filter((action) => mayTake(action, status, role));
}

/** Longest public note on a status change. */
export const NOTE_MAX = 1000;

/** Why a report is hidden from the public: abuse, or personal data in it. */
export const HIDE_REASONS = ['abuse', 'personal_data'] as const;
export type HideReason = (typeof HIDE_REASONS)[number];

/** The one home of report statuses: their order, groups and allowed transitions. */

export const STATUSES = [
	'new',
	'accepted',
	'forwarded',
	'in_progress',
	'resolved',
	'rejected',
	'not_competent',
	'duplicate'
] as const;
export type Status = (typeof STATUSES)[number];

export const OPEN_STATUSES = ['new', 'accepted', 'forwarded', 'in_progress'] as const satisfies readonly Status[];
export const CLOSED_STATUSES = ['resolved', 'rejected', 'not_competent', 'duplicate'] as const satisfies readonly Status[];

/**
 * Closed reports whose outcome counts as an intervention. A duplicate is folded into the report it
 * repeats, whose own outcome is counted, so counting it again would skew the resolution rate.
 */
export const INTERVENTION_OUTCOMES = ['resolved', 'rejected', 'not_competent'] as const satisfies readonly Status[];

export type StatusGroup = 'open' | 'in_progress' | 'resolved' | 'closed';

/** The four groups the map and filters show (a resident's view: waiting, being fixed, fixed, closed otherwise). */
export function statusGroup(status: Status): StatusGroup {
	if (status === 'resolved') return 'resolved';
	if (status === 'in_progress' || status === 'forwarded') return 'in_progress';
	if ((CLOSED_STATUSES as readonly Status[]).includes(status)) return 'closed';
	return 'open';
}

export function isOpen(status: Status): boolean {
	return (OPEN_STATUSES as readonly Status[]).includes(status);
}

export function isStatus(value: unknown): value is Status {
	return typeof value === 'string' && (STATUSES as readonly string[]).includes(value);
}

const TRANSITIONS: Record<Status, readonly Status[]> = {
	new: ['accepted', 'forwarded', 'rejected', 'not_competent', 'duplicate'],
	accepted: ['forwarded', 'in_progress', 'resolved', 'rejected', 'not_competent', 'duplicate'],
	forwarded: ['in_progress', 'resolved', 'rejected', 'not_competent', 'duplicate'],
	in_progress: ['resolved', 'rejected', 'forwarded'],
	// Closed reports can be reopened when the problem comes back or the decision was wrong.
	resolved: ['accepted'],
	rejected: ['accepted'],
	not_competent: ['accepted'],
	duplicate: ['accepted']
};

export function allowedTransitions(from: Status): readonly Status[] {
	return TRANSITIONS[from];
}

export function canTransition(from: Status, to: Status): boolean {
	return TRANSITIONS[from].includes(to);
}

export const STATUS_GROUPS = ['open', 'in_progress', 'resolved', 'closed'] as const satisfies readonly StatusGroup[];

/** The statuses that make up a group, in status order. */
export function statusesInGroup(group: StatusGroup): Status[] {
	return STATUSES.filter((s) => statusGroup(s) === group);
}

/** Open311 GeoReport v2 knows two states: a report is open until it is closed, whatever the outcome. */
export function open311Status(status: Status): 'open' | 'closed' {
	return isOpen(status) ? 'open' : 'closed';
}

import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { translate } from '../../i18n/index.ts';
import type { StaffRole } from '../../domain/staff.ts';
import type { StaffUser } from './accounts.ts';

/** The cookie that holds a staff session's token. */
export const SESSION_COOKIE = 'kck_staff';

type Event = Pick<RequestEvent, 'locals' | 'url'>;

/**
 * A staff page's guard: someone not signed in goes to the login (and comes back after), a signed-in
 * member of the wrong role gets 403. Every staff page's load calls this on the server.
 */
export function staffPage(event: Event, roles: readonly StaffRole[]): StaffUser {
	const user = event.locals.staff;
	if (!user) redirect(303, `/staff/login?next=${encodeURIComponent(event.url.pathname + event.url.search)}`);
	if (!roles.includes(user.role)) error(403, translate(event.locals.lang, 'errors.staff_forbidden'));
	return user;
}

/** A staff action's guard: 401 for someone not signed in, 403 for the wrong role. */
export function staffAction(event: Event, roles: readonly StaffRole[]): StaffUser {
	const user = event.locals.staff;
	if (!user) error(401, translate(event.locals.lang, 'errors.staff_login_needed'));
	if (!roles.includes(user.role)) error(403, translate(event.locals.lang, 'errors.staff_forbidden'));
	return user;
}

export const OPERATORS = ['operator', 'admin'] as const satisfies readonly StaffRole[];
export const ALL_STAFF = ['operator', 'department', 'admin'] as const satisfies readonly StaffRole[];
export const ADMINS = ['admin'] as const satisfies readonly StaffRole[];

import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { ALL_STAFF, staffPage } from '$lib/server/staff/guard.ts';
import { actsAsOperator } from '$lib/domain/staff.ts';

/** The staff home: operators start at triage, departments at their queue. */
export const load: PageServerLoad = (event) => {
	const user = staffPage(event, ALL_STAFF);
	redirect(303, actsAsOperator(user.role) ? '/staff/triage' : '/staff/department');
};

/** operator: KCK; department: one department's staff; admin: accounts and catalog, and an operator too. */
export const STAFF_ROLES = ['operator', 'department', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export function isStaffRole(value: unknown): value is StaffRole {
	return typeof value === 'string' && (STAFF_ROLES as readonly string[]).includes(value);
}

/** Whether a role works as KCK (triage, intake, every report). */
export const actsAsOperator = (role: StaffRole) => role === 'operator' || role === 'admin';

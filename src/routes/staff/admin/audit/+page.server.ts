import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { database } from '$lib/server/db/index.ts';
import { message } from '$lib/server/http.ts';
import { ADMINS, staffPage } from '$lib/server/staff/guard.ts';
import { AUDIT_ACTIONS, listAudit, type AuditAction } from '$lib/server/staff/audit.ts';
import { listAccounts } from '$lib/server/staff/accounts.ts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** A real calendar day PostgreSQL takes (Date.parse also takes 2024-02-30 and year 0). */
const isDay = (text: string) => DAY.test(text) && text >= '0001-01-01' && !Number.isNaN(Date.parse(text)) && new Date(text).toISOString().slice(0, 10) === text;

/** The audit log, newest first, filtered by account, action and days. */
export const load: PageServerLoad = async (event) => {
	staffPage(event, ADMINS);
	const params = event.url.searchParams;
	const account = params.get('account') || undefined;
	const action = params.get('action') || undefined;
	const [from, to] = [params.get('from') || undefined, params.get('to') || undefined];
	if ((account && !/^\d{1,9}$/.test(account)) || (action && !(AUDIT_ACTIONS as readonly string[]).includes(action)) || [from, to].some((d) => d && !isDay(d))) {
		error(400, message(event.locals.lang, 'errors.staff_filter'));
	}
	const db = await database();
	const filters = { accountId: account ? Number(account) : undefined, action: action as AuditAction | undefined, from, to };
	const [entries, accounts] = await Promise.all([listAudit(db, filters), listAccounts(db)]);
	return { entries, accounts, filters, actions: AUDIT_ACTIONS };
};

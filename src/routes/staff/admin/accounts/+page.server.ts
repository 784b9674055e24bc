import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { database } from '$lib/server/db/index.ts';
import { withoutNul } from '$lib/domain/report-types.ts';
import { InputError } from '$lib/server/errors.ts';
import { formOf, message } from '$lib/server/http.ts';
import { ADMINS, staffAction, staffPage } from '$lib/server/staff/guard.ts';
import { createAccount, disableAccount, listAccounts } from '$lib/server/staff/accounts.ts';
import { listDepartments } from '$lib/server/staff/departments.ts';

export const load: PageServerLoad = async (event) => {
	staffPage(event, ADMINS);
	const db = await database();
	const [accounts, departments] = await Promise.all([listAccounts(db), listDepartments(db)]);
	return { accounts, departments };
};

export const actions: Actions = {
	create: async (event) => {
		const user = staffAction(event, ADMINS);
		const form = await formOf(event.request, event.locals.lang);
		const field = (name: string) => withoutNul(String(form.get(name) ?? ''));
		const values = { email: field('email'), name: field('name'), role: field('role'), department: field('department') };
		try {
			await createAccount(
				await database(),
				{ ...values, role: values.role as never, department: values.role === 'department' ? values.department : undefined, password: field('password') },
				{ accountId: user.id, address: event.getClientAddress() }
			);
			return { created: values.email };
		} catch (e) {
			if (e instanceof InputError) return fail(e.status, { values, error: message(event.locals.lang, e.key) });
			throw e;
		}
	},
	disable: async (event) => {
		const user = staffAction(event, ADMINS);
		const given = String((await formOf(event.request, event.locals.lang)).get('id') ?? '');
		if (!/^\d{1,9}$/.test(given)) return fail(404, { error: message(event.locals.lang, 'errors.staff_account_unknown') });
		const id = Number(given);
		try {
			await disableAccount(await database(), id, { accountId: user.id, address: event.getClientAddress() });
			return { disabled: id };
		} catch (e) {
			if (e instanceof InputError) return fail(e.status, { error: message(event.locals.lang, e.key) });
			throw e;
		}
	}
};

import type { Language } from '$lib/i18n/index.ts';
import type { StaffUser } from '$lib/server/staff/accounts.ts';

declare global {
	namespace App {
		interface Locals {
			lang: Language;
			/** The signed-in staff member, from the session cookie (hooks.server.ts). */
			staff?: StaffUser;
			/** Set when a request failed because the database is away, so it answers 503 (hooks.server.ts). */
			databaseUnavailable?: boolean;
		}
		interface Error {
			message: string;
			/** The database is away: the page says so and the answer is a 503. */
			unavailable?: boolean;
		}
		interface PageData {
			lang: Language;
		}
	}
}

export {};

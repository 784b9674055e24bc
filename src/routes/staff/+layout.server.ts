import type { LayoutServerLoad } from './$types';

/** Who is signed in, for the staff menu; each page's own load checks the role. */
export const load: LayoutServerLoad = ({ locals, setHeaders }) => {
	// Staff pages show reporters' contacts: no shared or browser cache may keep them.
	setHeaders({ 'cache-control': 'private, no-store' });
	return { staff: locals.staff ?? null };
};

import type { LayoutServerLoad } from './$types';

/** Who is signed in, for the staff menu; each page's own load checks the role. */
export const load: LayoutServerLoad = ({ locals }) => ({ staff: locals.staff ?? null });

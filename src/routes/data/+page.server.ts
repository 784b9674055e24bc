import type { PageServerLoad } from './$types';
import { EXPORT_COLUMNS } from '$lib/server/export/reports.ts';

/** The open data page: what can be downloaded, under which licence, and what each column means. */
export const load: PageServerLoad = ({ url }) => ({ columns: EXPORT_COLUMNS, origin: url.origin });

import type { ParamMatcher } from '@sveltejs/kit';

/** A small non-negative whole number (ids, tile coordinates); anything else is a 404 before load runs. */
export const match: ParamMatcher = (param) => /^\d{1,9}$/.test(param);

import type { ParamMatcher } from '@sveltejs/kit';

/** A report's public reference, KCK-2024-000123. */
export const match: ParamMatcher = (param) => /^KCK-\d{4}-\d{6,12}$/.test(param);

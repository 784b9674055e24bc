import type { ParamMatcher } from '@sveltejs/kit';

/** A district number as Kraków counts them (1–18); the page still checks that it exists. */
export const match: ParamMatcher = (param) => /^(?:[1-9]|[1-9]\d)$/.test(param);

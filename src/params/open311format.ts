import type { ParamMatcher } from '@sveltejs/kit';

/** GeoReport v2 answers in XML (its required format) or JSON, named by the path's extension. */
export const match: ParamMatcher = (param) => param === 'json' || param === 'xml';

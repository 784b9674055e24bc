import type { ParamMatcher } from '@sveltejs/kit';
import { isChartId } from '$lib/stats/chart-tables.ts';

/** One of the statistics page's charts (volume, channels, …). */
export const match: ParamMatcher = (param) => isChartId(param);

import type { ParamMatcher } from '@sveltejs/kit';
import { isReportRef } from '$lib/domain/report-ref.ts';

/** A report's public reference, KCK-2024-000123. */
export const match: ParamMatcher = (param) => isReportRef(param);

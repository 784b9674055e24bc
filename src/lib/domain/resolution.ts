import { INTERVENTION_OUTCOMES, type Status } from './status.ts';

/**
 * The resolution rate: the share of finished interventions (resolved, rejected, not the city's
 * competence) that ended resolved. Null when nothing has finished yet, so "no data" never reads as 0%.
 */
export function resolutionRate(countsByStatus: Partial<Record<Status, number>>): number | null {
	let finished = 0;
	for (const status of INTERVENTION_OUTCOMES) finished += countsByStatus[status] ?? 0;
	if (finished === 0) return null;
	return (countsByStatus.resolved ?? 0) / finished;
}

/** "88%" (or "87,5%" in Polish): whole percent unless that would hide a difference below one point. */
export function formatRate(rate: number | null, locale: string): string {
	if (rate === null) return '–';
	const digits = rate > 0.995 || rate < 0.005 ? 1 : 0;
	return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: digits }).format(rate);
}

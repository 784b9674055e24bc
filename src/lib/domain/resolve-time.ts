/** How many reports took a given number of whole days (24-hour periods) from filing to resolution (0: within a day). */
export interface DayCount {
	days: number;
	reports: number;
}

/**
 * The p-quantile (0 < p ≤ 1) of days to resolve, by nearest rank: the smallest number of days within
 * which at least p of the reports were resolved. The median is p = 0.5, the 90th percentile 0.9.
 * Exact to the day, from a histogram, so it can be summed across months and districts first. Null
 * when nothing was resolved, so "no data" never reads as "0 days".
 */
export function quantileDays(histogram: readonly DayCount[], p: number): number | null {
	if (!(p > 0 && p <= 1)) throw new RangeError(`quantile must be in (0, 1], got ${p}`);
	const sorted = histogram.filter((b) => b.reports > 0).toSorted((a, b) => a.days - b.days);
	const total = sorted.reduce((sum, b) => sum + b.reports, 0);
	if (total === 0) return null;
	const rank = Math.ceil(p * total);
	let seen = 0;
	for (const bucket of sorted) {
		seen += bucket.reports;
		if (seen >= rank) return bucket.days;
	}
	return sorted[sorted.length - 1].days;
}

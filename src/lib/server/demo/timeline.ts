import type { Random } from './random.ts';
import { localDays, type LocalDay } from './warsaw-time.ts';
import { CATEGORY_PROFILES, categoryVolume, HOUR_WEIGHTS, WEEKDAY_FACTORS, YEARLY_GROWTH } from './profile.ts';

export interface DemoMoment {
	/** UTC milliseconds. */
	at: number;
	/** Local month 0…11, for seasonal categories. */
	month: number;
}

const YEAR = 365.25 * 86_400_000;
const HOUR_TOTAL = HOUR_WEIGHTS.reduce((sum, w) => sum + w, 0);
const HOUR_CUMULATIVE = HOUR_WEIGHTS.reduce<number[]>((acc, w) => [...acc, acc[acc.length - 1] + w / HOUR_TOTAL], [0]);
const MONTH_VOLUME = Array.from({ length: 12 }, (_, month) =>
	Object.values(CATEGORY_PROFILES).reduce((sum, profile) => sum + categoryVolume(profile, month), 0)
);

/** Share of a day's reports made before local time `x` (fraction of the day). */
export function hourShare(x: number): number {
	const position = Math.min(Math.max(x, 0), 1) * 24;
	const hour = Math.min(Math.floor(position), 23);
	return HOUR_CUMULATIVE[hour] + ((position - hour) * HOUR_WEIGHTS[hour]) / HOUR_TOTAL;
}

/** The inverse of hourShare: the time of day (fraction) by which `share` of the day's reports are made. */
export function timeOfDay(share: number): number {
	let hour = 0;
	while (hour < 23 && HOUR_CUMULATIVE[hour + 1] <= share) hour++;
	return (hour + ((share - HOUR_CUMULATIVE[hour]) * HOUR_TOTAL) / HOUR_WEIGHTS[hour]) / 24;
}

/**
 * `count` creation times from `since` to `now`, in order: days get reports in proportion to weekday,
 * season and growth (rounded so the total is exact), and each day's reports follow the hourly rhythm.
 */
export function* demoTimeline(random: Random, options: { count: number; since: number; now: number }): Generator<DemoMoment> {
	const { count, since, now } = options;
	const days = localDays(since, now).map((day) => {
		const from = hourShare((since - day.start) / (day.end - day.start));
		const to = hourShare((now - day.start) / (day.end - day.start));
		return { day, from, to, weight: dayWeight(day, since) * (to - from) };
	});
	const total = days.reduce((sum, d) => sum + d.weight, 0);
	if (count > 0 && !(total > 0)) throw new Error('The demo period is empty: `since` must be before `now`');

	let cumulative = 0;
	let allocated = 0;
	for (const [index, { day, from, to, weight }] of days.entries()) {
		cumulative += weight;
		const upTo = index === days.length - 1 ? count : Math.round((count * cumulative) / total);
		const times: number[] = [];
		for (; allocated < upTo; allocated++) {
			const at = day.start + timeOfDay(from + random.next() * (to - from)) * (day.end - day.start);
			times.push(Math.min(Math.max(Math.round(at), since), now));
		}
		times.sort((a, b) => a - b);
		for (const at of times) yield { at, month: day.month };
	}
}

function dayWeight(day: LocalDay, since: number): number {
	return WEEKDAY_FACTORS[day.weekday] * MONTH_VOLUME[day.month] * YEARLY_GROWTH ** ((day.start - since) / YEAR);
}

const DAY = 86_400_000;

/**
 * Minutes Kraków is ahead of UTC: CEST (+120) from the last Sunday of March to the last Sunday of
 * October, 01:00 UTC both, else CET (+60). Computed, not looked up, so no time-zone data can change the demo.
 */
export function warsawOffsetMinutes(ms: number): number {
	const year = new Date(ms).getUTCFullYear();
	return ms >= lastSundayAt1Utc(year, 2) && ms < lastSundayAt1Utc(year, 9) ? 120 : 60;
}

function lastSundayAt1Utc(year: number, month: number): number {
	const lastDay = new Date(Date.UTC(year, month + 1, 0, 1));
	return lastDay.getTime() - lastDay.getUTCDay() * DAY;
}

export interface LocalDay {
	/** Local midnight and the next one, as UTC milliseconds (23 or 25 hours apart on clock-change days). */
	start: number;
	end: number;
	/** 0…11 */
	month: number;
	/** 0 = Sunday … 6 = Saturday */
	weekday: number;
}

/** Kraków's calendar days that overlap [since, now). */
export function localDays(since: number, now: number): LocalDay[] {
	const first = new Date(since + warsawOffsetMinutes(since) * 60_000);
	const days: LocalDay[] = [];
	for (let i = 0; ; i++) {
		const start = localMidnight(first.getUTCFullYear(), first.getUTCMonth(), first.getUTCDate() + i);
		if (start >= now) return days;
		const date = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), first.getUTCDate() + i));
		days.push({
			start,
			end: localMidnight(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() + 1),
			month: date.getUTCMonth(),
			weekday: date.getUTCDay()
		});
	}
}

function localMidnight(year: number, month: number, day: number): number {
	const utcMidnight = Date.UTC(year, month, day);
	// Clocks change at 01:00 UTC, so an hour before UTC midnight is on the same side of the change as local midnight.
	return utcMidnight - warsawOffsetMinutes(utcMidnight - 3_600_000) * 60_000;
}

import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../src/lib/server/demo/random.ts';
import { demoTimeline, hourShare, timeOfDay } from '../../../src/lib/server/demo/timeline.ts';
import { localDays, warsawOffsetMinutes } from '../../../src/lib/server/demo/warsaw-time.ts';

const since = Date.parse('2023-01-01T00:00:00+01:00');
const now = Date.parse('2025-06-15T14:30:00+02:00');
const timeline = (count: number, seed = 1) => [...demoTimeline(createRandom(seed), { count, since, now })];

const warsaw = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Warsaw', weekday: 'short', hour: 'numeric', hourCycle: 'h23' });
const local = (ms: number) => Object.fromEntries(warsaw.formatToParts(ms).map((p) => [p.type, p.value]));

describe('Kraków time', () => {
	it('agrees with the time-zone database, clock changes included', () => {
		const formatter = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Warsaw', timeZoneName: 'shortOffset' });
		for (let ms = Date.parse('2023-01-01T00:00:00Z'); ms < Date.parse('2027-01-01T00:00:00Z'); ms += 3_600_000) {
			const name = formatter.formatToParts(ms).find((p) => p.type === 'timeZoneName')!.value;
			expect(warsawOffsetMinutes(ms), new Date(ms).toISOString()).toBe(name === 'GMT+2' ? 120 : 60);
		}
	});

	it('has 23- and 25-hour days when the clocks change', () => {
		const days = localDays(Date.parse('2025-03-29T12:00:00Z'), Date.parse('2025-10-28T12:00:00Z'));
		const hours = (day: { start: number; end: number }) => (day.end - day.start) / 3_600_000;
		expect(days[0]).toMatchObject({ start: Date.parse('2025-03-28T23:00:00Z'), month: 2, weekday: 6 });
		expect(hours(days[1])).toBe(23);
		expect(hours(days.find((d) => d.start === Date.parse('2025-10-25T22:00:00Z'))!)).toBe(25);
		expect(days.filter((d) => hours(d) === 24).length).toBe(days.length - 2);
	});
});

describe('hours of the day', () => {
	it('map shares to times and back', () => {
		for (const x of [0, 0.01, 0.3, 0.5, 0.77, 0.999, 1]) expect(hourShare(timeOfDay(hourShare(x)))).toBeCloseTo(hourShare(x), 12);
		expect(hourShare(0)).toBe(0);
		expect(hourShare(1)).toBeCloseTo(1, 12);
	});
});

describe('demo timeline', () => {
	it('yields exactly the count, in order, within since…now', () => {
		const moments = timeline(5000);
		expect(moments).toHaveLength(5000);
		for (let i = 1; i < moments.length; i++) expect(moments[i].at).toBeGreaterThanOrEqual(moments[i - 1].at);
		expect(moments[0].at).toBeGreaterThanOrEqual(since);
		expect(moments[moments.length - 1].at).toBeLessThanOrEqual(now);
	});

	it('is the same for the same seed and differs for another', () => {
		expect(timeline(500, 9)).toEqual(timeline(500, 9));
		expect(timeline(500, 9)).not.toEqual(timeline(500, 10));
	});

	it('tags each moment with its local month', () => {
		for (const { at, month } of timeline(2000)) {
			expect(month).toBe(new Date(at + warsawOffsetMinutes(at) * 60_000).getUTCMonth());
		}
	});

	it('is busier on weekdays and in the daytime', () => {
		const moments = timeline(20_000).map((m) => local(m.at));
		const weekend = moments.filter((m) => m.weekday === 'Sat' || m.weekday === 'Sun').length / 2;
		const weekday = (moments.length - weekend * 2) / 5;
		expect(weekday / weekend).toBeGreaterThan(1.6);
		const night = moments.filter((m) => Number(m.hour) < 6).length;
		const morning = moments.filter((m) => Number(m.hour) >= 8 && Number(m.hour) < 14).length;
		expect(morning).toBeGreaterThan(night * 5);
	});

	it('gives nothing for nothing and refuses an empty period', () => {
		expect(timeline(0)).toEqual([]);
		expect(() => [...demoTimeline(createRandom(1), { count: 1, since: now, now })]).toThrow(/since/);
	});
});

import { describe, expect, it } from 'vitest';
import { canTransition, CLOSED_STATUSES, INTERVENTION_OUTCOMES, isOpen, type Status } from '../../../src/lib/domain/status.ts';
import { resolutionRate } from '../../../src/lib/domain/resolution.ts';
import { CHANNELS } from '../../../src/lib/domain/report-types.ts';
import { CATEGORIES, DEPARTMENTS } from '../../../src/lib/server/catalog/catalog-data.ts';
import { createRandom, pickOne, type Random } from '../../../src/lib/server/demo/random.ts';
import { buildHistory, type History, type HistoryInput } from '../../../src/lib/server/demo/history.ts';
import { CATEGORY_PROFILES } from '../../../src/lib/server/demo/profile.ts';
import { CATEGORY_TEXTS } from '../../../src/lib/server/demo/texts.ts';

const DAY = 86_400_000;
const start = Date.parse('2024-03-01T08:00:00Z');

function randomInput(random: Random, overrides: Partial<HistoryInput> = {}): HistoryInput {
	const category = pickOne(random, CATEGORIES);
	const createdAt = start + Math.floor(random.next() * 400 * DAY);
	return {
		createdAt,
		now: createdAt + Math.floor(random.next() * 300 * DAY),
		channel: pickOne(random, CHANNELS),
		type: category.type,
		department: category.department,
		departmentName: DEPARTMENTS.find((d) => d.code === category.department)!.namePl,
		resolveDays: CATEGORY_PROFILES[category.code].resolveDays,
		resolvedNotes: CATEGORY_TEXTS[category.code].resolved,
		canBeDuplicate: random.next() < 0.8,
		...overrides
	};
}

function histories(count: number, overrides: Partial<HistoryInput> = {}): [HistoryInput, History][] {
	const random = createRandom(2024);
	return Array.from({ length: count }, () => {
		const input = randomInput(random, overrides);
		return [input, buildHistory(random, input)];
	});
}

describe('demo status history', () => {
	it('is a valid chain of transitions from "new", in time order, before now', () => {
		for (const [input, { steps }] of histories(3000)) {
			expect(steps[0]).toMatchObject({ from: null, to: 'new', at: input.createdAt, actor: input.channel === 'online' ? 'resident' : 'kck' });
			for (let i = 1; i < steps.length; i++) {
				expect(steps[i].from).toBe(steps[i - 1].to);
				expect(canTransition(steps[i - 1].to, steps[i].to), `${steps[i - 1].to} → ${steps[i].to}`).toBe(true);
				expect(steps[i].at).toBeGreaterThan(steps[i - 1].at);
				expect(steps[i].at).toBeLessThan(input.now);
			}
		}
	});

	it('ends in the report status, with updatedAt, resolvedAt and department to match', () => {
		for (const [, history] of histories(3000)) {
			const last = history.steps[history.steps.length - 1];
			expect(history.status).toBe(last.to);
			expect(history.updatedAt).toBe(last.at);
			expect(history.resolvedAt).toBe(last.to === 'resolved' ? last.at : null);
			expect(history.department).toBe(history.steps.findLast((s) => s.to === 'forwarded')?.department ?? null);
		}
	});

	it('forwards to the category unit with a note naming it, and explains every closing', () => {
		for (const [input, { steps }] of histories(3000)) {
			for (const step of steps) {
				if (step.to === 'forwarded') {
					expect(step).toMatchObject({ actor: 'kck', department: input.department });
					expect(step.note).toContain(input.departmentName);
					expect(input.department).not.toBe('kck');
				} else {
					expect(step.department).toBeNull();
				}
				if ((CLOSED_STATUSES as readonly Status[]).includes(step.to)) expect(step.note).toBeTruthy();
				if (step.to !== 'new') expect(['kck', input.department]).toContain(step.actor);
			}
		}
	});

	it('resolves about 88% of finished interventions and marks duplicates only when an original exists', () => {
		const counts: Partial<Record<Status, number>> = {};
		for (const [, history] of histories(20_000, { now: start + 10_000 * DAY })) {
			counts[history.status] = (counts[history.status] ?? 0) + 1;
		}
		expect(Object.keys(counts).every((s) => (CLOSED_STATUSES as readonly string[]).includes(s))).toBe(true);
		expect(resolutionRate(counts)).toBeGreaterThan(0.85);
		expect(resolutionRate(counts)).toBeLessThan(0.91);
		expect(INTERVENTION_OUTCOMES.every((s) => (counts[s] ?? 0) > 0)).toBe(true);
		expect(histories(3000, { canBeDuplicate: false }).some(([, h]) => h.status === 'duplicate')).toBe(false);
	});

	it('leaves young reports open and old ones mostly closed', () => {
		const openShare = (ageDays: number) => {
			const all = histories(3000).map(([input]) => input);
			const random = createRandom(1);
			const open = all.filter((input) => isOpen(buildHistory(random, { ...input, now: input.createdAt + ageDays * DAY }).status));
			return open.length / all.length;
		};
		expect(openShare(1)).toBeGreaterThan(0.8);
		expect(openShare(30)).toBeGreaterThan(0.5);
		expect(openShare(365)).toBeLessThan(0.05);
	});
});

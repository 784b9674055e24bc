import type { Status } from '../../domain/status.ts';
import type { Channel, ReportType } from '../../domain/report-types.ts';
import type { DepartmentCode } from '../catalog/catalog-data.ts';
import { chance, logNormal, pickOne, type Random } from './random.ts';
import { weightedPicker } from './weighted.ts';
import { OUTCOME_WEIGHTS } from './profile.ts';
import { NOTES } from './texts.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface HistoryInput {
	createdAt: number;
	/** Steps that would come later have not happened yet. */
	now: number;
	channel: Channel;
	type: ReportType;
	/** The unit that handles the category; 'kck' handles it itself. */
	department: DepartmentCode;
	departmentName: string;
	resolveDays: number;
	/** Resolved notes of the category. */
	resolvedNotes: readonly string[];
	/** Whether an earlier report exists that this one could repeat. */
	canBeDuplicate: boolean;
}

export interface HistoryStep {
	from: Status | null;
	to: Status;
	at: number;
	/** 'resident', 'kck' or the code of the unit that made the change. */
	actor: string;
	note: string | null;
	/** The unit a 'forwarded' step hands the report to. */
	department: DepartmentCode | null;
}

export interface History {
	steps: HistoryStep[];
	status: Status;
	/** The unit the report was last forwarded to. */
	department: DepartmentCode | null;
	updatedAt: number;
	resolvedAt: number | null;
}

type Outcome = keyof typeof OUTCOME_WEIGHTS;
type PlannedStep = Omit<HistoryStep, 'from' | 'at'> & { after: number };

const outcomes = weightedPicker(Object.entries(OUTCOME_WEIGHTS) as [Outcome, number][]);
const withoutDuplicate = weightedPicker(
	(Object.entries(OUTCOME_WEIGHTS) as [Outcome, number][]).filter(([outcome]) => outcome !== 'duplicate')
);

/**
 * A report's public timeline: the whole course it would run (KCK accepts and forwards, the unit
 * works and closes), cut at `now`, so recent reports are still open and old ones mostly closed.
 */
export function buildHistory(random: Random, input: HistoryInput): History {
	const steps: HistoryStep[] = [
		{ from: null, to: 'new', at: input.createdAt, actor: input.channel === 'online' ? 'resident' : 'kck', note: null, department: null }
	];
	let at = input.createdAt;
	for (const { after, ...step } of plan(random, input)) {
		at += Math.max(Math.round(after), MINUTE);
		if (at >= input.now) break;
		steps.push({ ...step, from: steps[steps.length - 1].to, at });
	}
	const last = steps[steps.length - 1];
	return {
		steps,
		status: last.to,
		department: steps.findLast((s) => s.to === 'forwarded')?.department ?? null,
		updatedAt: last.at,
		resolvedAt: last.to === 'resolved' ? last.at : null
	};
}

function plan(random: Random, input: HistoryInput): PlannedStep[] {
	const outcome = (input.canBeDuplicate ? outcomes : withoutDuplicate).pick(random);
	const unit = input.department;
	const kck = (to: Status, after: number, note: string | null): PlannedStep => ({ to, after, actor: 'kck', note, department: null });
	const byUnit = (to: Status, after: number, note: string | null): PlannedStep => ({ to, after, actor: unit, note, department: null });
	const accept = kck('accepted', logNormal(random, 5 * HOUR, 1), NOTES.accepted);
	const forward = (after: number): PlannedStep => ({
		to: 'forwarded',
		after,
		actor: 'kck',
		note: NOTES.forwarded(input.departmentName),
		department: unit
	});
	const work = logNormal(random, input.resolveDays * DAY, 0.85);

	if (outcome === 'duplicate') return [kck('duplicate', logNormal(random, 18 * HOUR, 1), NOTES.duplicate)];
	if (outcome === 'not_competent') {
		if (unit === 'kck' || chance(random, 0.75)) return [kck('not_competent', logNormal(random, DAY, 1), pickOne(random, NOTES.notCompetent))];
		return [accept, forward(logNormal(random, 18 * HOUR, 0.9)), byUnit('not_competent', logNormal(random, 5 * DAY, 0.8), pickOne(random, NOTES.notCompetent))];
	}
	if (outcome === 'rejected') {
		if (unit === 'kck' || chance(random, 0.3)) {
			const note = pickOne(random, input.type === 'idea' ? NOTES.rejectedIdea : NOTES.rejectedByKck);
			return [accept, kck('rejected', logNormal(random, 3 * DAY, 0.9), note)];
		}
		const note = pickOne(random, input.type === 'idea' ? NOTES.rejectedIdea : NOTES.rejectedByUnit);
		return [accept, forward(logNormal(random, 18 * HOUR, 0.9)), byUnit('rejected', work / 2, note)];
	}

	// Resolved: operators taking a call often forward at once; KCK's own categories are never forwarded.
	const steps: PlannedStep[] = input.channel === 'online' || chance(random, 0.5) ? [accept] : [];
	if (unit !== 'kck') steps.push(forward(logNormal(random, 18 * HOUR, 0.9)));
	else if (steps.length === 0) steps.push(accept);
	const resolved = pickOne(random, input.resolvedNotes);
	if (chance(random, 0.65)) {
		const started = work * (0.2 + 0.5 * random.next());
		steps.push(byUnit('in_progress', started, pickOne(random, NOTES.inProgress)), byUnit('resolved', work - started, resolved));
	} else {
		steps.push(byUnit('resolved', work, resolved));
	}
	return steps;
}

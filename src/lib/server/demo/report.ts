import type { Channel, ReportType } from '../../domain/report-types.ts';
import { CATEGORIES, DEPARTMENTS, type CategoryDefinition } from '../catalog/catalog-data.ts';
import { chance, pickOne, type Random } from './random.ts';
import { weightedPicker } from './weighted.ts';
import { CATEGORY_PROFILES, CHANNEL_WEIGHTS, categoryVolume, type CategoryProfile } from './profile.ts';
import { CATEGORY_TEXTS, CHANNEL_PREFIXES, IDEA_ENDINGS, PROBLEM_ENDINGS, type CategoryTexts } from './texts.ts';
import { buildHistory, type History } from './history.ts';
import type { DemoMoment } from './timeline.ts';

export interface DemoReport {
	id: number;
	type: ReportType;
	category: string;
	title: string;
	description: string;
	districtId: number;
	channel: Channel;
	createdAt: number;
	voteCount: number;
	duplicateOfId: number | null;
	history: History;
}

export interface DistrictWeight {
	id: number;
	weight: number;
}

interface DemoCategory {
	definition: CategoryDefinition;
	profile: CategoryProfile;
	texts: CategoryTexts;
	departmentName: string;
}

/** Every catalog category with its demo profile and wording; a category without them is a gap to fill, not to skip. */
export function demoCategories(): DemoCategory[] {
	return CATEGORIES.map((definition) => {
		const profile = CATEGORY_PROFILES[definition.code];
		const texts = CATEGORY_TEXTS[definition.code];
		if (!profile || !texts) throw new Error(`Demo data: no profile or texts for category "${definition.code}" (see src/lib/server/demo)`);
		const departmentName = DEPARTMENTS.find((d) => d.code === definition.department)!.namePl;
		return { definition, profile, texts, departmentName };
	});
}

/**
 * Makes demo reports batch by batch, in time order. A duplicate points at an earlier report of the
 * same category and district in its own batch: the two go in with one statement, so the link never
 * waits for another transaction to commit.
 */
export function demoReportFactory(random: Random, options: { now: number; districts: readonly DistrictWeight[] }) {
	const categories = demoCategories();
	const byMonth = Array.from({ length: 12 }, (_, month) =>
		weightedPicker(categories.map((c) => [c, categoryVolume(c.profile, month)] as const))
	);
	const districts = weightedPicker(options.districts.map((d) => [d.id, d.weight] as const));
	const channels = weightedPicker(Object.entries(CHANNEL_WEIGHTS) as [Channel, number][]);

	return (ids: readonly number[], moments: readonly DemoMoment[]): DemoReport[] => {
		const latest = new Map<string, number>();
		return moments.map((moment, i) => {
			const category = byMonth[moment.month].pick(random);
			const { code, type } = category.definition;
			const districtId = districts.pick(random);
			const channel = channels.pick(random);
			const key = `${districtId}:${code}`;
			const original = latest.get(key);
			const history = buildHistory(random, {
				createdAt: moment.at,
				now: options.now,
				channel,
				type,
				department: category.definition.department,
				departmentName: category.departmentName,
				resolveDays: category.profile.resolveDays,
				resolvedNotes: category.texts.resolved,
				canBeDuplicate: original !== undefined
			});
			const isDuplicate = history.status === 'duplicate';
			if (!isDuplicate) latest.set(key, ids[i]);
			const [title, description] = pickOne(random, category.texts.reports);
			const ending = pickOne(random, type === 'idea' ? IDEA_ENDINGS : PROBLEM_ENDINGS);
			return {
				id: ids[i],
				type,
				category: code,
				title,
				description: CHANNEL_PREFIXES[channel] + description + ending,
				districtId,
				channel,
				createdAt: moment.at,
				voteCount: voteCount(random, type),
				duplicateOfId: isDuplicate ? (original ?? null) : null,
				history
			};
		});
	};
}

/** Most reports get no "me too"; a few popular ones get many (Pareto tail). Ideas gather support more often. */
function voteCount(random: Random, type: ReportType): number {
	const idea = type === 'idea';
	if (!chance(random, idea ? 0.55 : 0.22)) return 0;
	return Math.min(Math.floor((1 - random.next()) ** (-1 / (idea ? 1.1 : 1.5))), 2000);
}

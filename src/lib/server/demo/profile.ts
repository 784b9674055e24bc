import type { Channel } from '../../domain/report-types.ts';

/**
 * How Kraków's residents report, in numbers the generator draws from. Rough shapes from the
 * city's published KCK figures, not measurements: enough for a believable map and dashboard.
 */

export interface CategoryProfile {
	/** Reports a year relative to the others (problems sum to about 825, ideas to 61: 93% / 7%). */
	weight: number;
	/** Relative volume January…December; only the shape matters, it is rescaled to a mean of 1. */
	season?: readonly number[];
	/** Typical days from forwarding to a fix; the spread around it is wide. */
	resolveDays: number;
}

export const CATEGORY_PROFILES: Readonly<Record<string, CategoryProfile>> = {
	// Frost breaks the asphalt: most potholes appear in late winter and spring.
	pothole: { weight: 130, season: [1.4, 1.7, 1.8, 1.4, 1, 0.8, 0.7, 0.7, 0.7, 0.7, 0.5, 0.6], resolveDays: 45 },
	pavement: { weight: 60, resolveDays: 60 },
	// Winter grit is swept in spring.
	street_cleaning: { weight: 105, season: [1.1, 1, 1.3, 1.2, 1, 1, 1, 1, 0.9, 0.9, 0.8, 0.8], resolveDays: 21 },
	grass_mowing: { weight: 55, season: [0, 0, 0.05, 0.6, 2.2, 2.6, 2.4, 2, 1.6, 0.4, 0.05, 0], resolveDays: 30 },
	leaves: { weight: 40, season: [0.3, 0.1, 0.2, 0.2, 0.05, 0.05, 0.05, 0.1, 0.6, 4, 4.5, 1.85], resolveDays: 21 },
	greenery: { weight: 75, season: [0.6, 0.6, 0.8, 1.1, 1.3, 1.4, 1.4, 1.3, 1.1, 1, 0.8, 0.6], resolveDays: 70 },
	playground: { weight: 20, season: [0.4, 0.4, 0.7, 1.1, 1.5, 1.6, 1.6, 1.5, 1.2, 0.9, 0.6, 0.5], resolveDays: 50 },
	// Holidays fill the bins; summer heat makes them urgent.
	bins_waste: { weight: 95, season: [1.1, 0.8, 0.9, 1, 1.1, 1.2, 1.2, 1.1, 1, 0.9, 0.8, 0.9], resolveDays: 14 },
	// Long nights show the dark lamps.
	street_lighting: { weight: 80, season: [1.4, 1.2, 1, 0.8, 0.7, 0.6, 0.6, 0.7, 0.9, 1.2, 1.4, 1.5], resolveDays: 30 },
	signs_traffic: { weight: 45, resolveDays: 40 },
	// Removing a vehicle takes notices and waiting periods.
	abandoned_vehicle: { weight: 18, resolveDays: 90 },
	graffiti: { weight: 16, season: [0.6, 0.6, 0.9, 1.1, 1.2, 1.3, 1.3, 1.3, 1.1, 1, 0.8, 0.6], resolveDays: 70 },
	transport_stop: { weight: 30, resolveDays: 40 },
	// Cold weather; help comes within hours.
	homeless_help: { weight: 9, season: [2.2, 2, 1.3, 0.7, 0.4, 0.4, 0.4, 0.4, 0.5, 0.8, 1.3, 2], resolveDays: 0.5 },
	other_problem: { weight: 40, resolveDays: 50 },
	// Ideas come with good weather and take months: planning, budgets, works.
	green_patch: { weight: 18, season: [0.5, 0.6, 1.2, 1.6, 1.4, 1.1, 1, 0.9, 1, 1.1, 0.9, 0.7], resolveDays: 180 },
	street_furniture: { weight: 16, season: [0.6, 0.7, 1, 1.3, 1.3, 1.2, 1.1, 1, 1, 1, 0.9, 0.7], resolveDays: 120 },
	traffic_safety: { weight: 14, resolveDays: 200 },
	leisure: { weight: 8, season: [0.5, 0.6, 1, 1.3, 1.4, 1.3, 1.2, 1.1, 1, 0.9, 0.8, 0.6], resolveDays: 240 },
	other_idea: { weight: 5, resolveDays: 150 }
};

/** The relative volume of a category in month 0…11 (January…December). */
export function categoryVolume(profile: CategoryProfile, month: number): number {
	if (!profile.season) return profile.weight;
	const mean = profile.season.reduce((sum, v) => sum + v, 0) / 12;
	return (profile.weight * profile.season[month]) / mean;
}

export const CHANNEL_WEIGHTS: Readonly<Record<Channel, number>> = { online: 70, phone: 22, email: 6, in_person: 2 };

/** Sunday…Saturday (JavaScript's getUTCDay order): offices and commuters make weekdays busier. */
export const WEEKDAY_FACTORS = [0.5, 1.15, 1.12, 1.1, 1.07, 1, 0.62] as const;

/** Local hours 0…23: quiet nights, a morning rise, steady days, busy evenings at home. */
export const HOUR_WEIGHTS = [
	0.3, 0.2, 0.15, 0.1, 0.1, 0.2, 0.6, 1.2, 1.8, 2, 2, 1.9, 1.8, 1.8, 1.7, 1.7, 1.6, 1.6, 1.7, 1.6, 1.4, 1.1, 0.8, 0.5
] as const;

/** More residents use the service each year. */
export const YEARLY_GROWTH = 1.08;

/** Final outcomes of a report that runs its course (before "now" cuts it short). */
export const OUTCOME_WEIGHTS = { resolved: 835, rejected: 70, not_competent: 45, duplicate: 45 } as const;

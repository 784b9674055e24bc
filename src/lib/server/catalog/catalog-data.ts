import type { ReportType } from '../../domain/report-types.ts';

/** City units KCK forwards to (Kraków's own names; English for the second language). */
export const DEPARTMENTS = [
	{ code: 'zdmk', namePl: 'Zarząd Dróg Miasta Krakowa', nameEn: 'City Roads Authority' },
	{ code: 'zzm', namePl: 'Zarząd Zieleni Miejskiej', nameEn: 'Municipal Greenery Board' },
	{ code: 'mpo', namePl: 'Miejskie Przedsiębiorstwo Oczyszczania', nameEn: 'Municipal Cleaning Company' },
	{ code: 'zgk', namePl: 'Zarząd Gospodarki Komunalnej', nameEn: 'Municipal Services Board' },
	{ code: 'ztp', namePl: 'Zarząd Transportu Publicznego', nameEn: 'Public Transport Authority' },
	{ code: 'sm', namePl: 'Straż Miejska', nameEn: 'Municipal Police' },
	{ code: 'mops', namePl: 'Miejski Ośrodek Pomocy Społecznej', nameEn: 'Municipal Social Welfare Centre' },
	{ code: 'kck', namePl: 'Krakowskie Centrum Kontaktu', nameEn: 'Kraków Contact Centre' }
] as const;

export type DepartmentCode = (typeof DEPARTMENTS)[number]['code'];

export interface CategoryDefinition {
	code: string;
	type: ReportType;
	namePl: string;
	nameEn: string;
	department: DepartmentCode;
}

/** What residents report to KCK, problems first; the order is the order of the pick list. */
export const CATEGORIES: readonly CategoryDefinition[] = [
	{ code: 'pothole', type: 'problem', namePl: 'Dziura w jezdni, uszkodzona droga', nameEn: 'Pothole or road damage', department: 'zdmk' },
	{ code: 'pavement', type: 'problem', namePl: 'Uszkodzony chodnik', nameEn: 'Damaged pavement', department: 'zdmk' },
	{ code: 'street_cleaning', type: 'problem', namePl: 'Zanieczyszczona ulica lub chodnik', nameEn: 'Dirty street or pavement', department: 'mpo' },
	{ code: 'grass_mowing', type: 'problem', namePl: 'Nieskoszona trawa', nameEn: 'Uncut grass', department: 'zzm' },
	{ code: 'leaves', type: 'problem', namePl: 'Niezgrabione liście', nameEn: 'Fallen leaves', department: 'zzm' },
	{ code: 'greenery', type: 'problem', namePl: 'Zieleń: drzewa, krzewy, trawniki', nameEn: 'Greenery: trees, shrubs, lawns', department: 'zzm' },
	{ code: 'playground', type: 'problem', namePl: 'Uszkodzony plac zabaw', nameEn: 'Damaged playground', department: 'zzm' },
	{ code: 'bins_waste', type: 'problem', namePl: 'Kosze i odpady', nameEn: 'Bins and waste', department: 'mpo' },
	{ code: 'street_lighting', type: 'problem', namePl: 'Oświetlenie uliczne', nameEn: 'Street lighting', department: 'zdmk' },
	{ code: 'signs_traffic', type: 'problem', namePl: 'Znaki i sygnalizacja', nameEn: 'Signs and traffic lights', department: 'zdmk' },
	{ code: 'abandoned_vehicle', type: 'problem', namePl: 'Porzucony pojazd', nameEn: 'Abandoned vehicle', department: 'sm' },
	{ code: 'graffiti', type: 'problem', namePl: 'Graffiti i pseudografitti', nameEn: 'Graffiti', department: 'zgk' },
	{ code: 'transport_stop', type: 'problem', namePl: 'Przystanek komunikacji miejskiej', nameEn: 'Public transport stop', department: 'ztp' },
	{ code: 'homeless_help', type: 'problem', namePl: 'Osoba potrzebująca pomocy', nameEn: 'Person in need of help', department: 'mops' },
	{ code: 'other_problem', type: 'problem', namePl: 'Inny problem', nameEn: 'Other problem', department: 'kck' },
	{ code: 'green_patch', type: 'idea', namePl: 'Nowa zieleń, nasadzenia', nameEn: 'New greenery or planting', department: 'zzm' },
	{ code: 'street_furniture', type: 'idea', namePl: 'Ławka, kosz, stojak rowerowy', nameEn: 'Bench, bin or bike rack', department: 'zgk' },
	{ code: 'traffic_safety', type: 'idea', namePl: 'Bezpieczeństwo ruchu', nameEn: 'Traffic safety', department: 'zdmk' },
	{ code: 'leisure', type: 'idea', namePl: 'Rekreacja i plac zabaw', nameEn: 'Leisure and play', department: 'zzm' },
	{ code: 'other_idea', type: 'idea', namePl: 'Inny pomysł', nameEn: 'Other idea', department: 'kck' }
];

/**
 * Approximate residents of Kraków's districts (rounded, from the city's public statistics), used for
 * per-capita figures and to spread demo data when the boundary file carries no `population`.
 */
const KRAKOW: Record<number, [name: string, population: number]> = {
	1: ['Stare Miasto', 31000],
	2: ['Grzegórzki', 29000],
	3: ['Prądnik Czerwony', 47000],
	4: ['Prądnik Biały', 72000],
	5: ['Krowodrza', 31000],
	6: ['Bronowice', 23000],
	7: ['Zwierzyniec', 21000],
	8: ['Dębniki', 63000],
	9: ['Łagiewniki-Borek Fałęcki', 16000],
	10: ['Swoszowice', 30000],
	11: ['Podgórze Duchackie', 53000],
	12: ['Bieżanów-Prokocim', 63000],
	13: ['Podgórze', 38000],
	14: ['Czyżyny', 30000],
	15: ['Mistrzejowice', 52000],
	16: ['Bieńczyce', 40000],
	17: ['Wzgórza Krzeszławickie', 20000],
	18: ['Nowa Huta', 51000]
};

const fold = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ł/g, 'l').toLowerCase();

/** The population of Kraków district `number`, if `name` is that district's (with or without diacritics). */
export function krakowPopulation(number: number, name: string): number | null {
	const known = KRAKOW[number];
	return known && fold(known[0]) === fold(name) ? known[1] : null;
}

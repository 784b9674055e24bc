const VALUES: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };

/** Parses a Roman numeral (district numbers I–XVIII); null when the text is not one. */
export function parseRoman(text: string): number | null {
	const upper = text.toUpperCase();
	if (!/^[IVXLC]+$/.test(upper)) return null;
	let total = 0;
	for (let i = 0; i < upper.length; i++) {
		const value = VALUES[upper[i]];
		const next = VALUES[upper[i + 1]] ?? 0;
		total += value < next ? -value : value;
	}
	return toRoman(total) === upper ? total : null;
}

export function toRoman(value: number): string {
	const table: [number, string][] = [
		[100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']
	];
	let rest = value;
	let out = '';
	for (const [n, s] of table) {
		while (rest >= n) {
			out += s;
			rest -= n;
		}
	}
	return out;
}

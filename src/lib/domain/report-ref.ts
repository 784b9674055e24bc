/** Whether text is a report's public reference, KCK-2024-000123 (the year it was filed, then its number). */
export function isReportRef(text: string): boolean {
	return /^KCK-\d{4}-\d{6,12}$/.test(text);
}

/**
 * A PostgreSQL array literal ('{1,2,NULL}', '{"a b","c\"d"}'). Sent as one text parameter and cast
 * in the query (`${pgArray(ids)}::bigint[]`), it works on postgres-js and PGlite alike, whereas a JS
 * array is expanded by drizzle into a list of parameters and not serialised by postgres-js.
 */
export function pgArray(values: readonly (string | number | null)[]): string {
	return `{${values.map(element).join(',')}}`;
}

function element(value: string | number | null): string {
	if (value === null) return 'NULL';
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) throw new Error(`Cannot put ${value} in a PostgreSQL array`);
		return String(value);
	}
	return `"${value.replace(/[\\"]/g, '\\$&')}"`;
}

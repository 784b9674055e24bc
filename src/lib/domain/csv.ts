/** One CSV field as RFC 4180 wants it: quoted when it holds a comma, a quote or a line break; empty for no value. */
export function csvField(value: string | number | boolean | null | undefined): string {
	const text = value === null || value === undefined ? '' : String(value);
	return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV record, ended with CRLF (RFC 4180's own) or, as PostgreSQL's COPY writes, LF. */
export function csvRecord(values: readonly (string | number | boolean | null | undefined)[], end: '\r\n' | '\n' = '\r\n'): string {
	return values.map(csvField).join(',') + end;
}

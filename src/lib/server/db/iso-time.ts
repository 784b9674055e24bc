import { sql, type SQL } from 'drizzle-orm';

/**
 * A timestamptz column as ISO 8601 in UTC, written by the database (2026-11-11T05:12:58.910Z): the
 * same text from both drivers (postgres-js hands timestamps over as PostgreSQL's own text, PGlite as
 * dates), for JSON answers and downloads alike.
 */
export function isoTime(column: SQL): SQL<string> {
	return sql<string>`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

import { sql, type SQL } from 'drizzle-orm';

/**
 * The app's own constants (statuses, types) written into SQL as literals, never input: check
 * constraints and index predicates need them, and the planner uses a partial index only when the
 * query names the same constants (a bound parameter in a generic plan proves nothing).
 */
export function literals(values: readonly string[]): SQL {
	return sql.raw(values.map((value) => `'${value.replaceAll("'", "''")}'`).join(', '));
}

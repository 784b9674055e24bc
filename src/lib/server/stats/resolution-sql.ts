import { sql, type SQL } from 'drizzle-orm';
import { INTERVENTION_OUTCOMES } from '../../domain/status.ts';

const outcomes = sql.raw(INTERVENTION_OUTCOMES.map((s) => `'${s}'`).join(', '));

/**
 * The resolution rate (see domain/resolution.ts) as an aggregate over rows of `status` with
 * `count` reports each: NULL when no intervention has finished.
 */
export function resolutionRateSql(status: SQL, count: SQL): SQL<number | null> {
	return sql<number | null>`(sum(${count}) FILTER (WHERE ${status} = 'resolved'))::float8
		/ nullif(sum(${count}) FILTER (WHERE ${status} IN (${outcomes})), 0)`;
}

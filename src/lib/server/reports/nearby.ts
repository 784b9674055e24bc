import { sql } from 'drizzle-orm';
import type { Database } from '../db/connect.ts';
import type { LngLat } from '../db/postgis.ts';
import { OPEN_STATUSES, type Status } from '../../domain/status.ts';
import { literals } from '../db/literals.ts';
import { isoTime } from '../db/iso-time.ts';

/** How close an open report must be to offer "me too" instead of a new one. */
export const NEARBY_METRES = 50;

export interface NearbyReport {
	id: number;
	publicRef: string;
	title: string;
	type: string;
	category: string;
	status: Status;
	votes: number;
	/** ISO 8601, UTC. */
	createdAt: string;
	metres: number;
}

/**
 * Open reports within `metres` of a point, the given category first, then the nearest. Measured on
 * the geography so metres are metres; the partial GiST index on open reports' (location::geography) answers ST_DWithin.
 */
export async function openReportsNear(
	database: Database,
	at: LngLat,
	options: { category?: string; metres?: number; limit?: number } = {}
): Promise<NearbyReport[]> {
	const point = sql`ST_SetSRID(ST_MakePoint(${at.lng}::float8, ${at.lat}::float8), 4326)::geography`;
	return database.rows<NearbyReport>(sql`
		SELECT r.id::int AS id, r.public_ref AS "publicRef", r.title, r.type, c.code AS category, r.status,
			r.vote_count AS votes, ${isoTime(sql`r.created_at`)} AS "createdAt", round(ST_Distance(r.location::geography, ${point}))::int AS metres
		FROM reports r JOIN categories c ON c.id = r.category_id
		WHERE NOT r.hidden AND r.status IN (${literals(OPEN_STATUSES)})
			AND ST_DWithin(r.location::geography, ${point}, ${options.metres ?? NEARBY_METRES})
		ORDER BY c.code = ${options.category ?? ''} DESC, metres
		LIMIT ${options.limit ?? 10}`);
}

import { sql } from 'drizzle-orm';
import { rowsOf, type Database } from '../db/connect.ts';
import { InputError } from '../errors.ts';
import type { NewReport } from '../../domain/report-input.ts';

export interface CreatedReport {
	id: number;
	publicRef: string;
	districtId: number;
}

/**
 * Files a new report: checks the category against the type, places it in its district by PostGIS
 * (a point outside every district is outside the city), and records the first status, all in one
 * transaction so a refused report leaves nothing behind.
 */
export async function createReport(database: Database, input: NewReport): Promise<CreatedReport> {
	return database.db.transaction(async (tx) => {
		const [category] = await rowsOf<{ id: number; departmentId: number | null }>(
			tx,
			sql`SELECT id, default_department_id AS "departmentId" FROM categories WHERE code = ${input.category} AND type = ${input.type}`
		);
		if (!category) throw new InputError('errors.category', { field: 'category' });

		const point = sql`ST_SetSRID(ST_MakePoint(${input.lng}::float8, ${input.lat}::float8), 4326)`;
		const [district] = await rowsOf<{ id: number }>(
			tx,
			sql`SELECT id FROM districts WHERE ST_Intersects(boundary, ${point}) ORDER BY id LIMIT 1`
		);
		if (!district) throw new InputError('errors.outside_city', { field: 'location' });

		const [report] = await rowsOf<{ id: number; publicRef: string }>(
			tx,
			sql`INSERT INTO reports (type, category_id, title, description, location, district_id, address, channel)
				VALUES (${input.type}, ${category.id}, ${input.title}, ${input.description}, ${point}, ${district.id},
					${input.address ?? null}, ${input.channel})
				RETURNING id::int AS id, public_ref AS "publicRef"`
		);
		await tx.execute(sql`INSERT INTO status_changes (report_id, from_status, to_status, actor)
			VALUES (${report.id}, NULL, 'new', ${input.channel === 'online' ? 'resident' : 'kck'})`);
		if (input.email || input.phone) {
			await tx.execute(sql`INSERT INTO reporter_contacts (report_id, email, phone)
				VALUES (${report.id}, ${input.email ?? null}, ${input.phone ?? null})`);
		}
		return { ...report, districtId: district.id };
	});
}

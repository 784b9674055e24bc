import {
	bigint,
	bigserial,
	boolean,
	check,
	index,
	integer,
	pgTable,
	smallint,
	text,
	type AnyPgColumn
} from 'drizzle-orm/pg-core';
import { timestamptz } from './columns.ts';
import { sql } from 'drizzle-orm';
import { point4326 } from '../postgis.ts';
import { categories } from './categories.ts';
import { departments } from './departments.ts';
import { districts } from './districts.ts';
import { apiKeys } from './api-keys.ts';
import { intakeBatches, staffAccounts } from './staff.ts';
import { literals } from '../literals.ts';
import { OPEN_STATUSES, STATUSES } from '../../../domain/status.ts';
import { CHANNELS, REPORT_TYPES } from '../../../domain/report-types.ts';

export const reports = pgTable(
	'reports',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		// Set by a trigger from the id and year: KCK-2024-000123.
		publicRef: text('public_ref').notNull().unique(),
		type: text('type').notNull(),
		categoryId: integer('category_id').notNull().references(() => categories.id),
		title: text('title').notNull(),
		description: text('description').notNull().default(''),
		location: point4326('location').notNull(),
		// Assigned from the location by PostGIS, never taken from the client.
		districtId: smallint('district_id').notNull().references(() => districts.id),
		address: text('address'),
		channel: text('channel').notNull(),
		status: text('status').notNull().default('new'),
		departmentId: integer('department_id').references(() => departments.id),
		createdAt: timestamptz('created_at').notNull().defaultNow(),
		updatedAt: timestamptz('updated_at').notNull().defaultNow(),
		resolvedAt: timestamptz('resolved_at'),
		voteCount: integer('vote_count').notNull().default(0),
		duplicateOfId: bigint('duplicate_of_id', { mode: 'number' }).references((): AnyPgColumn => reports.id),
		// The application that filed it through Open311, if one did.
		apiKeyId: integer('api_key_id').references(() => apiKeys.id),
		// Staff who typed it in (a phone call, a CSV handed in), and the CSV it came in.
		enteredById: integer('entered_by_id').references(() => staffAccounts.id),
		intakeBatchId: integer('intake_batch_id').references(() => intakeBatches.id),
		hidden: boolean('hidden').notNull().default(false),
		// Why staff hid it (abuse, personal data), kept for audit; hidden reports are public nowhere.
		hiddenReason: text('hidden_reason'),
		// Bumped by every staff change: a change made from an older revision is refused (optimistic concurrency).
		revision: integer('revision').notNull().default(0),
		// Demo data made by the generator, never a resident's report.
		isGenerated: boolean('is_generated').notNull().default(false)
	},
	(t) => [
		check('reports_type_check', sql`${t.type} in (${literals(REPORT_TYPES)})`),
		check('reports_channel_check', sql`${t.channel} in (${literals(CHANNELS)})`),
		check('reports_status_check', sql`${t.status} in (${literals(STATUSES)})`),
		check('reports_title_check', sql`length(${t.title}) between 1 and 200`),
		index('reports_location_idx').using('gist', t.location),
		// The nearby search measures metres on the geography; the index must be on that same expression.
		index('reports_location_geog_idx').using('gist', sql`(${t.location}::geography)`),
		// "Me too" looks only among open reports, a tenth of them: a smaller index, and no closed reports to skip.
		index('reports_open_location_geog_idx')
			.using('gist', sql`(${t.location}::geography)`)
			.where(sql`NOT ${t.hidden} AND ${t.status} in (${literals(OPEN_STATUSES)})`),
		index('reports_district_idx').on(t.districtId),
		// A district page's lists: its newest reports, and its open ones oldest first (the overdue among them).
		index('reports_district_created_idx').on(t.districtId, t.createdAt).where(sql`NOT ${t.hidden}`),
		index('reports_open_district_created_idx')
			.on(t.districtId, t.createdAt)
			.where(sql`NOT ${t.hidden} AND ${t.status} in (${literals(OPEN_STATUSES)})`),
		// The operators' triage queue: new reports, oldest first.
		index('reports_triage_idx').on(t.createdAt).where(sql`${t.status} = 'new' AND NOT ${t.hidden}`),
		// A department's queue: its forwarded and in-progress reports, oldest (most overdue) first.
		index('reports_department_queue_idx')
			.on(t.departmentId, t.createdAt)
			.where(sql`${t.status} in ('forwarded', 'in_progress') AND NOT ${t.hidden}`),
		index('reports_category_idx').on(t.categoryId),
		index('reports_status_idx').on(t.status),
		index('reports_created_at_idx').on(t.createdAt),
		// The list's "most votes" order (read backwards), without sorting every report.
		index('reports_votes_idx').on(t.voteCount, t.createdAt),
		// Deleting a report checks who points at it as a duplicate: without this, a scan of every report.
		index('reports_duplicate_of_idx').on(t.duplicateOfId).where(sql`${t.duplicateOfId} IS NOT NULL`),
		// "Is there demo data?" must not scan a million real reports.
		index('reports_generated_idx').on(t.id).where(sql`${t.isGenerated}`)
	]
);

/** The reporter's private contact details, kept apart so no public query can select them by accident. */
export const reporterContacts = pgTable('reporter_contacts', {
	reportId: bigint('report_id', { mode: 'number' })
		.primaryKey()
		.references(() => reports.id, { onDelete: 'cascade' }),
	email: text('email'),
	phone: text('phone')
});

import { bigint, bigserial, index, integer, pgTable, smallint, text } from 'drizzle-orm/pg-core';
import { timestamptz } from './columns.ts';
import { reports } from './reports.ts';

/** Photo metadata; the re-encoded files live on disk under the uploads folder. */
export const photos = pgTable(
	'photos',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		reportId: bigint('report_id', { mode: 'number' })
			.notNull()
			.references(() => reports.id, { onDelete: 'cascade' }),
		position: smallint('position').notNull().default(0),
		fileName: text('file_name').notNull().unique(),
		width: integer('width').notNull(),
		height: integer('height').notNull(),
		bytes: integer('bytes').notNull(),
		createdAt: timestamptz('created_at').notNull().defaultNow()
	},
	(t) => [index('photos_report_idx').on(t.reportId, t.position)]
);

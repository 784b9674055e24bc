import { check, integer, pgTable, serial, smallint, text } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { departments } from './departments.ts';

export const categories = pgTable(
	'categories',
	{
		id: serial('id').primaryKey(),
		code: text('code').notNull().unique(),
		type: text('type').notNull(),
		namePl: text('name_pl').notNull(),
		nameEn: text('name_en').notNull(),
		defaultDepartmentId: integer('default_department_id').references(() => departments.id),
		sortOrder: smallint('sort_order').notNull().default(0)
	},
	(t) => [check('categories_type_check', sql`${t.type} in ('problem', 'idea')`)]
);

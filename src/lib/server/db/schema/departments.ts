import { pgTable, serial, text } from 'drizzle-orm/pg-core';

/** City units that KCK forwards reports to. */
export const departments = pgTable('departments', {
	id: serial('id').primaryKey(),
	code: text('code').notNull().unique(),
	namePl: text('name_pl').notNull(),
	nameEn: text('name_en').notNull()
});

import { timestamp } from 'drizzle-orm/pg-core';

/** Every moment is stored with its zone (timestamptz): the server's or a session's zone never shifts it. */
export const timestamptz = (name: string) => timestamp(name, { withTimezone: true });

export const REPORT_TYPES = ['problem', 'idea'] as const;
export type ReportType = (typeof REPORT_TYPES)[number];

/** How a report reached KCK. */
export const CHANNELS = ['online', 'phone', 'email', 'in_person'] as const;
export type Channel = (typeof CHANNELS)[number];

/** What a category's code looks like; anything else names no category, and is refused before it reaches a query. */
export const isCategoryCode = (text: string): boolean => /^[a-z_]{1,40}$/.test(text);

/** Text without NUL characters: they mean nothing in what people type, and PostgreSQL cannot store them. */
export const withoutNul = (text: string): string => text.replaceAll('\0', '');

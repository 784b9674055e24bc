export const REPORT_TYPES = ['problem', 'idea'] as const;
export type ReportType = (typeof REPORT_TYPES)[number];

/** How a report reached KCK. */
export const CHANNELS = ['online', 'phone', 'email', 'in_person'] as const;
export type Channel = (typeof CHANNELS)[number];

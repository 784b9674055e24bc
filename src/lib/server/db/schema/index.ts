export * from './departments.ts';
export * from './categories.ts';
export * from './districts.ts';
export * from './reports.ts';
export * from './status-changes.ts';
export * from './votes.ts';
export * from './photos.ts';
export * from './report-counts.ts';

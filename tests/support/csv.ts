import type { Options } from 'csv-parse/sync';

/**
 * RFC 4180 as strictly as csv-parse reads it: a header row naming the columns, LF between records (as PostgreSQL's COPY writes them),
 * quotes only around whole fields (relax_quotes off) and every record as long as the header
 * (relax_column_count off): anything else throws.
 */
export const STRICT_CSV = { columns: true, record_delimiter: '\n', relax_quotes: false, relax_column_count: false } satisfies Options;

import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Database, type Db } from '../db/connect.ts';
import { isoTime } from '../db/iso-time.ts';
import { where } from '../map/filter-sql.ts';

/** What staff did, in the audit log's words. */
export const AUDIT_ACTIONS = [
	'login',
	'login_refused',
	'logout',
	'logout_everywhere',
	'report_action',
	'report_edit',
	'report_hide',
	'report_unhide',
	'phone_intake',
	'bulk_intake',
	'account_create',
	'account_disable',
	'catalog_change'
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
	accountId: number | null;
	action: AuditAction;
	reportId?: number | null;
	details?: Record<string, unknown>;
	address?: string | null;
}

/** Records one staff action, in the caller's transaction when given one (so it stands or falls with the change). */
export async function audit(executor: Pick<Db, 'execute'>, entry: AuditEntry): Promise<void> {
	await executor.execute(sql`INSERT INTO staff_audit (account_id, action, report_id, details, address)
		VALUES (${entry.accountId}, ${entry.action}, ${entry.reportId ?? null}, ${entry.details ? JSON.stringify(entry.details) : null}, ${entry.address ?? null})`);
}

export interface AuditRow {
	id: number;
	at: string;
	account: string | null;
	action: AuditAction;
	reportRef: string | null;
	details: string | null;
	address: string | null;
}

export interface AuditFilters {
	accountId?: number;
	action?: AuditAction;
	/** Days YYYY-MM-DD, Kraków time, both included. */
	from?: string;
	to?: string;
}

export const AUDIT_PAGE = 200;

/** The newest entries that match, at most AUDIT_PAGE. */
export async function listAudit(database: Database, filters: AuditFilters): Promise<AuditRow[]> {
	const conditions: SQL[] = [];
	if (filters.accountId) conditions.push(sql`a.account_id = ${filters.accountId}`);
	if (filters.action) conditions.push(sql`a.action = ${filters.action}`);
	if (filters.from) conditions.push(sql`a.created_at >= (${filters.from}::date)::timestamp AT TIME ZONE 'Europe/Warsaw'`);
	if (filters.to) conditions.push(sql`a.created_at < (${filters.to}::date + 1)::timestamp AT TIME ZONE 'Europe/Warsaw'`);
	return rowsOf<AuditRow>(
		database.db,
		sql`SELECT a.id::int AS id, ${isoTime(sql`a.created_at`)} AS at, s.email AS account, a.action, r.public_ref AS "reportRef", a.details, a.address
			FROM staff_audit a LEFT JOIN staff_accounts s ON s.id = a.account_id LEFT JOIN reports r ON r.id = a.report_id
			${where(conditions)} ORDER BY a.created_at DESC, a.id DESC LIMIT ${AUDIT_PAGE}`
	);
}

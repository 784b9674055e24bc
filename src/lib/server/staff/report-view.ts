import { sql } from 'drizzle-orm';
import { rowsOf, type Database } from '../db/connect.ts';
import { isoTime } from '../db/iso-time.ts';
import { findReport, type PublicReport } from '../reports/read.ts';
import { availableActions, type StatusAction } from '../../domain/staff-actions.ts';
import { actsAsOperator } from '../../domain/staff.ts';
import type { Status } from '../../domain/status.ts';
import type { StaffUser } from './accounts.ts';
import { NEARBY_METRES } from './queues.ts';
import { InputError } from '../errors.ts';

export interface StaffReport {
	report: PublicReport;
	revision: number;
	hidden: boolean;
	hiddenReason: string | null;
	departmentCode: string | null;
	/** The category's usual department: what "forward" offers first. */
	defaultDepartmentCode: string | null;
	/** The reporter's contact: staff only, never public. */
	email: string | null;
	phone: string | null;
	/** Who typed it in (phone or bulk intake), and the CSV it came in. */
	enteredBy: string | null;
	batchFile: string | null;
	history: { fromStatus: Status | null; toStatus: Status; note: string | null; by: string; department: string | null; at: string }[];
	nearby: { ref: string; title: string; status: Status; metres: number }[];
	actions: StatusAction[];
}

/** A report as staff see it (hidden ones too); null when unknown; department staff get 403 for another department's. */
export async function staffReport(database: Database, ref: string, user: StaffUser): Promise<StaffReport | null> {
	const report = await findReport(database, { ref }, { hidden: true });
	if (!report) return null;
	const [extra] = await rowsOf<Omit<StaffReport, 'report' | 'history' | 'nearby' | 'actions'> & { departmentId: number | null }>(
		database.db,
		sql`SELECT r.revision, r.hidden, r.hidden_reason AS "hiddenReason", r.department_id AS "departmentId", dep.code AS "departmentCode",
			cd.code AS "defaultDepartmentCode", rc.email, rc.phone, s.email AS "enteredBy", b.file_name AS "batchFile"
		FROM reports r JOIN categories c ON c.id = r.category_id LEFT JOIN departments cd ON cd.id = c.default_department_id
			LEFT JOIN departments dep ON dep.id = r.department_id LEFT JOIN reporter_contacts rc ON rc.report_id = r.id
			LEFT JOIN staff_accounts s ON s.id = r.entered_by_id LEFT JOIN intake_batches b ON b.id = r.intake_batch_id
		WHERE r.id = ${report.id}`
	);
	if (!actsAsOperator(user.role) && (extra.departmentId !== user.departmentId || extra.hidden)) throw new InputError('errors.staff_forbidden', { status: 403 });
	const [history, nearby] = await Promise.all([
		rowsOf<StaffReport['history'][number]>(
			database.db,
			sql`SELECT s.from_status AS "fromStatus", s.to_status AS "toStatus", s.note, coalesce(a.name || ' <' || a.email || '>', s.actor) AS by,
				dep.name_pl AS department, ${isoTime(sql`s.created_at`)} AS at
			FROM status_changes s LEFT JOIN staff_accounts a ON a.id = s.account_id LEFT JOIN departments dep ON dep.id = s.department_id
			WHERE s.report_id = ${report.id} ORDER BY s.created_at, s.id`
		),
		rowsOf<StaffReport['nearby'][number]>(
			database.db,
			sql`SELECT o.public_ref AS ref, o.title, o.status, round(ST_Distance(o.location::geography, r.location::geography))::int AS metres
			FROM reports r JOIN reports o ON o.id <> r.id AND NOT o.hidden AND ST_DWithin(o.location::geography, r.location::geography, ${NEARBY_METRES})
			WHERE r.id = ${report.id} ORDER BY metres LIMIT 10`
		)
	]);
	const { departmentId: _, ...rest } = extra;
	return { report, ...rest, history, nearby, actions: availableActions(report.status, user.role) };
}

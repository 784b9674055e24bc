import { sql } from 'drizzle-orm';
import { rowsOf, type Database, type Transaction } from '../db/connect.ts';
import { InputError } from '../errors.ts';
import { mapChanged } from '../map/version.ts';
import { isReportRef } from '../../domain/report-ref.ts';
import { HIDE_REASONS, mayTake, NOTE_MAX, STATUS_ACTIONS, type HideReason, type StatusAction } from '../../domain/staff-actions.ts';
import { newReportSchema } from '../../domain/report-input.ts';
import { actsAsOperator } from '../../domain/staff.ts';
import type { Status } from '../../domain/status.ts';
import type { StaffUser } from './accounts.ts';
import { audit } from './audit.ts';
import { queueStatusNotice } from './status-notice.ts';
import { deliverPending } from '../alerts/outbox.ts';
import type { SendMail } from '../alerts/mailer.ts';


interface LockedReport {
	id: number;
	ref: string;
	title: string;
	status: Status;
	revision: number;
	departmentId: number | null;
	hidden: boolean;
}

/** Who did it and from where (for the history and the audit log), and the site's address for links. */
export interface Acting {
	user: StaffUser;
	address: string;
	origin: string;
}

/**
 * The report by its reference, locked for this transaction, if `user` may touch it: department
 * staff only their department's reports. A revision other than `revision` means someone else
 * changed it since the page was read: 409, "reload".
 */
async function lockReport(tx: Transaction, ref: string, revision: number, user: StaffUser): Promise<LockedReport> {
	if (!isReportRef(ref)) throw new InputError('errors.report_not_found', { status: 404 });
	const [report] = await rowsOf<LockedReport>(
		tx,
		sql`SELECT id::int AS id, public_ref AS ref, title, status, revision, department_id AS "departmentId", hidden
			FROM reports WHERE public_ref = ${ref} FOR UPDATE`
	);
	if (!report) throw new InputError('errors.report_not_found', { status: 404 });
	if (!actsAsOperator(user.role) && (report.departmentId !== user.departmentId || report.hidden)) throw new InputError('errors.staff_forbidden', { status: 403 });
	if (report.revision !== revision) throw new InputError('errors.staff_conflict', { status: 409 });
	return report;
}

const publicNote = (note: string | undefined) => {
	const text = note?.trim() ?? '';
	if (text.length > NOTE_MAX) throw new InputError('errors.staff_note_long', { field: 'note' });
	return text || null;
};

export interface StatusActionRequest {
	action: StatusAction;
	revision: number;
	note?: string;
	/** forward: the department's code. */
	department?: string;
	/** duplicate: the original's reference. */
	duplicateOf?: string;
}

/**
 * A status change by staff, checked against the domain's transitions and the role, recorded in the
 * public history (with its note, and the staff member for audit) and the audit log. A duplicate's
 * votes move to its original. The reporter, if they left an e-mail, is told. Returns the new revision.
 */
export async function actOnReport(database: Database, ref: string, request: StatusActionRequest, acting: Acting, send?: SendMail): Promise<number> {
	const { user } = acting;
	const rule = STATUS_ACTIONS[request.action];
	const note = publicNote(request.note);
	if ('noteRequired' in rule && rule.noteRequired && !note) throw new InputError(`errors.staff_note_${request.action}`, { field: 'note' });
	const result = await database.db.transaction(async (tx) => {
		// A merge locks both reports, in id order: two staff marking X and Y duplicates of each other
		// then queue instead of deadlocking, and the second sees the first's outcome.
		if (request.action === 'duplicate') {
			await tx.execute(sql`SELECT id FROM reports WHERE public_ref IN (${ref}, ${request.duplicateOf?.trim() ?? ''}) ORDER BY id FOR UPDATE`);
		}
		const report = await lockReport(tx, ref, request.revision, user);
		if (!mayTake(request.action, report.status, user.role)) throw new InputError('errors.staff_transition', { status: 409 });

		let departmentId = report.departmentId;
		if (request.action === 'forward') {
			const [department] = await rowsOf<{ id: number }>(tx, sql`SELECT id FROM departments WHERE code = ${request.department ?? ''}`);
			if (!department) throw new InputError('errors.staff_department', { field: 'department' });
			departmentId = department.id;
		}
		let duplicateOf: number | null = null;
		if (request.action === 'duplicate') duplicateOf = await originalOf(tx, report, request.duplicateOf);

		await tx.execute(sql`UPDATE reports SET status = ${rule.to}, department_id = ${departmentId}, duplicate_of_id = ${duplicateOf},
			resolved_at = ${rule.to === 'resolved' ? sql`now()` : sql`NULL`}, updated_at = now(), revision = revision + 1
			WHERE id = ${report.id}`);
		// Department staff sign as their department; KCK's operators as KCK. The person stays in account_id.
		const byDepartment = !actsAsOperator(user.role);
		await tx.execute(sql`INSERT INTO status_changes (report_id, from_status, to_status, note, actor, department_id, account_id)
			VALUES (${report.id}, ${report.status}, ${rule.to}, ${note}, ${byDepartment ? (user.departmentCode ?? 'kck') : 'kck'},
				${byDepartment ? user.departmentId : request.action === 'forward' ? departmentId : null}, ${user.id})`);
		if (duplicateOf) await moveVotes(tx, report.id, duplicateOf);
		await audit(tx, {
			accountId: user.id,
			action: 'report_action',
			reportId: report.id,
			address: acting.address,
			details: { action: request.action, from: report.status, to: rule.to, note, department: request.department ?? null, duplicateOf: request.duplicateOf ?? null }
		});
		const notice = await queueStatusNotice(tx, { ...report, status: rule.to }, note, acting.origin, Boolean(send));
		return { revision: report.revision + 1, notice };
	});
	mapChanged(database);
	// Sent after the commit: a refusal or an absent mail server leaves it for `npm run alerts:send` (or the outbox).
	if (send && result.notice) await deliverPending(database, send, result.notice);
	return result.revision;
}

/** The report a duplicate repeats: visible, not itself, and not a duplicate (votes follow one step only). */
async function originalOf(tx: Transaction, duplicate: LockedReport, ref: string | undefined): Promise<number> {
	const [original] = await rowsOf<{ id: number; status: Status; hidden: boolean }>(
		tx,
		sql`SELECT id::int AS id, status, hidden FROM reports WHERE public_ref = ${ref?.trim() ?? ''} FOR UPDATE`
	);
	if (!original || original.hidden || original.id === duplicate.id || original.status === 'duplicate') {
		throw new InputError('errors.staff_duplicate_of', { field: 'duplicateOf' });
	}
	return original.id;
}

/** A duplicate's "me too" votes go to its original (a voter who voted on both counts once), as new votes on it do. */
async function moveVotes(tx: Transaction, from: number, to: number): Promise<void> {
	await tx.execute(sql`INSERT INTO votes (report_id, voter_id, created_at) SELECT ${to}, voter_id, created_at FROM votes WHERE report_id = ${from}
		ON CONFLICT DO NOTHING`);
	await tx.execute(sql`DELETE FROM votes WHERE report_id = ${from}`);
	await tx.execute(sql`UPDATE reports SET vote_count = (SELECT count(*) FROM votes WHERE report_id = reports.id) WHERE id IN (${from}, ${to})`);
}

export interface ReportEdit {
	revision: number;
	category?: string;
	title?: string;
	lng?: string;
	lat?: string;
}

const editSchema = newReportSchema.pick({ title: true, lng: true, lat: true });

/** Corrects a report's category (its type follows), title or location (PostGIS assigns the district again); operators only. */
export async function editReport(database: Database, ref: string, edit: ReportEdit, acting: Acting): Promise<number> {
	if (!actsAsOperator(acting.user.role)) throw new InputError('errors.staff_forbidden', { status: 403 });
	const revision = await database.db.transaction(async (tx) => {
		const report = await lockReport(tx, ref, edit.revision, acting.user);
		const [current] = await rowsOf<{ category: string; lng: number; lat: number }>(
			tx,
			sql`SELECT c.code AS category, ST_X(r.location) AS lng, ST_Y(r.location) AS lat FROM reports r JOIN categories c ON c.id = r.category_id WHERE r.id = ${report.id}`
		);
		const parsed = editSchema.safeParse({ title: edit.title ?? report.title, lng: edit.lng ?? current.lng, lat: edit.lat ?? current.lat });
		if (!parsed.success) {
			const issue = parsed.error.issues[0];
			throw new InputError(issue.message, { field: String(issue.path[0]) });
		}
		const [category] = await rowsOf<{ id: number; type: string }>(tx, sql`SELECT id, type FROM categories WHERE code = ${edit.category ?? current.category}`);
		if (!category) throw new InputError('errors.category', { field: 'category' });
		const point = sql`ST_SetSRID(ST_MakePoint(${parsed.data.lng}::float8, ${parsed.data.lat}::float8), 4326)`;
		const [district] = await rowsOf<{ id: number }>(tx, sql`SELECT id FROM districts WHERE ST_Intersects(boundary, ${point}) ORDER BY id LIMIT 1`);
		if (!district) throw new InputError('errors.outside_city', { field: 'location' });
		await tx.execute(sql`UPDATE reports SET title = ${parsed.data.title}, category_id = ${category.id}, type = ${category.type}, location = ${point},
			district_id = ${district.id}, updated_at = now(), revision = revision + 1 WHERE id = ${report.id}`);
		await audit(tx, {
			accountId: acting.user.id,
			action: 'report_edit',
			reportId: report.id,
			address: acting.address,
			details: { before: { title: report.title, ...current }, after: { title: parsed.data.title, category: edit.category ?? current.category, lng: parsed.data.lng, lat: parsed.data.lat } }
		});
		return report.revision + 1;
	});
	mapChanged(database);
	return revision;
}

/**
 * Hides a report from the public everywhere (abuse, or personal data in it), with the reason kept
 * for audit; or shows it again. Operators only.
 */
export async function setHidden(
	database: Database,
	ref: string,
	change: { revision: number; hide: boolean; reason?: string; note?: string },
	acting: Acting
): Promise<number> {
	if (!actsAsOperator(acting.user.role)) throw new InputError('errors.staff_forbidden', { status: 403 });
	const reason = change.reason as HideReason;
	if (change.hide && !HIDE_REASONS.includes(reason)) throw new InputError('errors.staff_hide_reason', { field: 'reason' });
	const note = publicNote(change.note);
	const revision = await database.db.transaction(async (tx) => {
		const report = await lockReport(tx, ref, change.revision, acting.user);
		await tx.execute(sql`UPDATE reports SET hidden = ${change.hide}, hidden_reason = ${change.hide ? `${reason}${note ? `: ${note}` : ''}` : null},
			updated_at = now(), revision = revision + 1 WHERE id = ${report.id}`);
		await audit(tx, {
			accountId: acting.user.id,
			action: change.hide ? 'report_hide' : 'report_unhide',
			reportId: report.id,
			address: acting.address,
			details: change.hide ? { reason, note } : undefined
		});
		return report.revision + 1;
	});
	mapChanged(database);
	return revision;
}

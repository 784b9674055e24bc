import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '../../../src/lib/server/db/connect.ts';
import { createReport } from '../../../src/lib/server/reports/create.ts';
import { findReport, statusHistory } from '../../../src/lib/server/reports/read.ts';
import { newReportSchema } from '../../../src/lib/domain/report-input.ts';
import { actOnReport, editReport, setHidden, type Acting } from '../../../src/lib/server/staff/report-actions.ts';
import { staffReport } from '../../../src/lib/server/staff/report-view.ts';
import { fileByPhone } from '../../../src/lib/server/staff/phone-intake.ts';
import { departmentQueue, triageQueue } from '../../../src/lib/server/staff/queues.ts';
import { listAudit } from '../../../src/lib/server/staff/audit.ts';
import type { StaffUser } from '../../../src/lib/server/staff/accounts.ts';
import { mapVersion } from '../../../src/lib/server/map/version.ts';
import { addVote } from '../../../src/lib/server/votes/vote.ts';
import { clearReports, testDatabase } from '../../support/database.ts';
import { clearStaff, staffMember } from '../../support/staff.ts';

let database: Database;
let operator: StaffUser;
let greenery: StaffUser;
let roads: StaffUser;
const acting = (user: StaffUser): Acting => ({ user, address: '127.0.0.1', origin: 'http://127.0.0.1' });
const RYNEK = { lng: 19.9372, lat: 50.0614 };

const file = (title: string, changes: Record<string, unknown> = {}) =>
	createReport(database, newReportSchema.parse({ type: 'problem', category: 'grass_mowing', title, ...RYNEK, ...changes }));
const revisionOf = async (ref: string) => (await database.rows<{ revision: number }>(sql`SELECT revision FROM reports WHERE public_ref = ${ref}`))[0].revision;
const act = async (user: StaffUser, ref: string, action: Parameters<typeof actOnReport>[2]['action'], extra: Record<string, string> = {}) =>
	actOnReport(database, ref, { action, revision: await revisionOf(ref), ...extra }, acting(user));

beforeAll(async () => {
	database = await testDatabase();
	await clearStaff(database);
	operator = await staffMember(database, 'operator@kck.example', 'operator');
	greenery = await staffMember(database, 'zzm@kck.example', 'department', 'zzm');
	roads = await staffMember(database, 'zdmk@kck.example', 'department', 'zdmk');
});
beforeEach(async () => {
	await clearReports(database);
	await database.db.execute(sql`TRUNCATE alert_messages, staff_audit`);
});

describe('a report through its statuses', () => {
	it('accepted, forwarded, worked on and resolved: each step public, with its note, and audited', async () => {
		const { publicRef: ref } = await file('Nieskoszona trawa przy Plantach', { email: 'ola@example.com' });
		const before = await mapVersion(database);
		await act(operator, ref, 'accept');
		await act(operator, ref, 'forward', { department: 'zzm', note: 'Przekazano do ZZM' });
		expect((await departmentQueue(database, greenery.departmentId!, 1, 30)).map((r) => r.ref)).toEqual([ref]);
		await act(greenery, ref, 'start');
		await act(greenery, ref, 'resolve', { note: 'Skoszono 12 listopada' });

		const report = (await findReport(database, { ref }))!;
		expect(report).toMatchObject({ status: 'resolved', departmentPl: 'Zarząd Zieleni Miejskiej', resolvedAt: expect.any(String) });
		expect((await statusHistory(database, report.id)).map((c) => [c.toStatus, c.actor, c.note])).toEqual([
			['new', 'resident', null],
			['accepted', 'kck', null],
			['forwarded', 'kck', 'Przekazano do ZZM'],
			['in_progress', 'zzm', null],
			['resolved', 'zzm', 'Skoszono 12 listopada']
		]);
		expect(await mapVersion(database)).toBeGreaterThan(before);
		expect((await listAudit(database, { action: 'report_action' })).map((e) => e.account)).toEqual(['zzm@kck.example', 'zzm@kck.example', 'operator@kck.example', 'operator@kck.example']);

		// The reporter hears of each change, with the public note and a link.
		const notices = await database.rows<{ subject: string; body: string }>(sql`SELECT subject, body FROM alert_messages WHERE kind = 'status' ORDER BY id`);
		expect(notices.map((n) => n.subject)).toEqual([`Zgłoszenie ${ref}: Przyjęte`, `Zgłoszenie ${ref}: Przekazane do jednostki`, `Zgłoszenie ${ref}: W realizacji`, `Zgłoszenie ${ref}: Rozwiązane`]);
		expect(notices[3].body).toContain('Skoszono 12 listopada');
		expect(notices[3].body).toContain(`http://127.0.0.1/reports/${ref}`);

		await act(operator, ref, 'reopen');
		expect((await findReport(database, { ref }))).toMatchObject({ status: 'accepted', resolvedAt: null });
	});

	it('refuses what the transitions do not allow, and a reason left out, as clear errors', async () => {
		const { publicRef: ref } = await file('Trawa');
		await expect(act(operator, ref, 'resolve')).rejects.toMatchObject({ status: 409, key: 'errors.staff_transition' });
		await expect(act(operator, ref, 'reopen')).rejects.toMatchObject({ status: 409 });
		await expect(act(operator, ref, 'reject')).rejects.toMatchObject({ status: 400, key: 'errors.staff_note_reject' });
		await expect(act(operator, ref, 'not_competent', { note: ' ' })).rejects.toMatchObject({ key: 'errors.staff_note_not_competent' });
		await expect(act(operator, ref, 'forward', { department: 'nasa' })).rejects.toMatchObject({ key: 'errors.staff_department' });
		await expect(act(operator, ref, 'accept', { note: 'x'.repeat(1001) })).rejects.toMatchObject({ key: 'errors.staff_note_long' });
		expect(await revisionOf(ref)).toBe(0);
		await act(operator, ref, 'not_competent', { note: 'Teren prywatny: zarządca wspólnoty' });
		expect((await findReport(database, { ref }))?.status).toBe('not_competent');
	});

	it('keeps department staff to their own department’s reports', async () => {
		const { publicRef: ref } = await file('Trawa');
		await act(operator, ref, 'forward', { department: 'zzm' });
		await expect(act(roads, ref, 'start')).rejects.toMatchObject({ status: 403 });
		await expect(staffReport(database, ref, roads)).rejects.toMatchObject({ status: 403 });
		expect(await staffReport(database, ref, greenery)).toMatchObject({ actions: ['start', 'resolve', 'reject', 'not_competent'] });
		await expect(act(greenery, ref, 'forward', { department: 'zdmk' })).rejects.toMatchObject({ status: 409 });
	});

	it('lets only one of two staff acting on the same revision win', async () => {
		const { publicRef: ref } = await file('Trawa');
		const revision = await revisionOf(ref);
		const results = await Promise.allSettled([
			actOnReport(database, ref, { action: 'accept', revision }, acting(operator)),
			actOnReport(database, ref, { action: 'reject', revision, note: 'Nie dotyczy' }, acting(operator))
		]);
		expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
		expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { status: 409, key: 'errors.staff_conflict' } });
		expect((await statusHistory(database, (await findReport(database, { ref }))!.id))).toHaveLength(2);
	});
});

describe('a duplicate', () => {
	it('hands its votes to the original, counting a voter of both once', async () => {
		const original = await file('Trawa przy Plantach');
		const duplicate = await file('Nieskoszona trawa, Planty');
		const vote = (id: number, voter: string) => database.db.execute(sql`INSERT INTO votes (report_id, voter_id) VALUES (${id}, ${voter})`);
		await vote(original.id, 'a');
		await vote(duplicate.id, 'a');
		await vote(duplicate.id, 'b');
		await vote(duplicate.id, 'c');
		await database.db.execute(sql`UPDATE reports SET vote_count = (SELECT count(*) FROM votes WHERE report_id = reports.id)`);

		await expect(act(operator, duplicate.publicRef, 'duplicate', { duplicateOf: duplicate.publicRef })).rejects.toMatchObject({ key: 'errors.staff_duplicate_of' });
		await act(operator, duplicate.publicRef, 'duplicate', { duplicateOf: original.publicRef });
		expect(await findReport(database, { ref: original.publicRef })).toMatchObject({ votes: 3 });
		expect(await findReport(database, { ref: duplicate.publicRef })).toMatchObject({ votes: 0, status: 'duplicate', duplicateOfRef: original.publicRef });
		// The duplicate leaves the triage queue; the original, still new, stays.
		expect((await triageQueue(database, { page: 1 }, 30)).map((r) => r.ref)).toEqual([original.publicRef]);
	});
});

describe('a duplicate under concurrent work', () => {
	it('takes votes cast while it is being merged to the original, and counts them there', async () => {
		const original = await file('Oryginał');
		const duplicate = await file('Duplikat');
		const revision = await revisionOf(duplicate.publicRef);
		await Promise.all([
			actOnReport(database, duplicate.publicRef, { action: 'duplicate', revision, duplicateOf: original.publicRef }, acting(operator)),
			...['v1', 'v2', 'v3'].map((voterId) => addVote(database, { reportId: duplicate.id, voterId })),
			addVote(database, { reportId: original.id, voterId: 'v4' })
		]);
		const counts = await database.rows<{ id: number; votes: number; rows: number }>(
			sql`SELECT id::int, vote_count AS votes, (SELECT count(*)::int FROM votes v WHERE v.report_id = r.id) AS rows FROM reports r WHERE id IN (${original.id}, ${duplicate.id}) ORDER BY id`
		);
		expect(counts).toEqual([
			{ id: original.id, votes: 4, rows: 4 },
			{ id: duplicate.id, votes: 0, rows: 0 }
		]);
	});

	it('lets only one of two reports become the other’s duplicate', async () => {
		const [x, y] = [await file('Trawa X'), await file('Trawa Y')];
		const results = await Promise.allSettled([
			actOnReport(database, x.publicRef, { action: 'duplicate', revision: 0, duplicateOf: y.publicRef }, acting(operator)),
			actOnReport(database, y.publicRef, { action: 'duplicate', revision: 0, duplicateOf: x.publicRef }, acting(operator))
		]);
		expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
		expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { status: expect.any(Number) } });
		const statuses = await database.rows<{ status: string }>(sql`SELECT status FROM reports WHERE id IN (${x.id}, ${y.id}) ORDER BY status`);
		expect(statuses.map((r) => r.status)).toEqual(['duplicate', 'new']);
	});
});

describe('hiding and editing', () => {
	it('hides a report from the public everywhere, keeping it and the reason for audit', async () => {
		const { publicRef: ref } = await file('Numer telefonu sąsiada: 600 100 200');
		await expect(setHidden(database, ref, { revision: 0, hide: true, reason: 'because' }, acting(operator))).rejects.toMatchObject({ key: 'errors.staff_hide_reason' });
		await expect(setHidden(database, ref, { revision: 0, hide: true, reason: 'personal_data' }, acting(greenery))).rejects.toMatchObject({ status: 403 });
		await setHidden(database, ref, { revision: 0, hide: true, reason: 'personal_data', note: 'numer telefonu w tytule' }, acting(operator));
		expect(await findReport(database, { ref })).toBeNull();
		expect(await staffReport(database, ref, operator)).toMatchObject({ hidden: true, hiddenReason: 'personal_data: numer telefonu w tytule' });
		expect((await triageQueue(database, { page: 1 }, 30)).map((r) => r.ref)).not.toContain(ref);
		expect(await listAudit(database, { action: 'report_hide' })).toHaveLength(1);
	});

	it('moves a report to another district by PostGIS when its pin is corrected, and refuses a place outside Kraków', async () => {
		const { publicRef: ref } = await file('Trawa');
		await expect(editReport(database, ref, { revision: 0, lng: '21.0122', lat: '52.2297' }, acting(operator))).rejects.toMatchObject({ key: 'errors.outside_city' });
		await editReport(database, ref, { revision: 0, lng: '20.0386', lat: '50.0722', category: 'playground', title: 'Zepsuta huśtawka' }, acting(operator));
		expect(await findReport(database, { ref })).toMatchObject({ districtName: 'Nowa Huta', category: 'playground', title: 'Zepsuta huśtawka' });
		await expect(editReport(database, ref, { revision: 0, title: 'Stara wersja' }, acting(operator))).rejects.toMatchObject({ status: 409 });
	});
});

describe('phone intake', () => {
	it('records who entered a call, and files a double-clicked form once', async () => {
		const input = newReportSchema.parse({ type: 'problem', category: 'grass_mowing', title: 'Zgłoszenie z telefonu', ...RYNEK, channel: 'phone' });
		const [first, again] = await Promise.all([1, 2].map(() => fileByPhone(database, input, operator, '127.0.0.1', 'call-0001-aaaaaaaaaaaa')));
		expect(again.publicRef).toBe(first.publicRef);
		const rows = await database.rows<{ channel: string; by: string }>(sql`SELECT r.channel, s.email AS by FROM reports r JOIN staff_accounts s ON s.id = r.entered_by_id WHERE r.title = 'Zgłoszenie z telefonu'`);
		expect(rows).toEqual([{ channel: 'phone', by: 'operator@kck.example' }]);
	});
});

describe('the triage queue', () => {
	it('lists new reports oldest first, with the reports within 50 m, filtered by district, category, channel and votes', async () => {
		const first = await file('Pierwsza');
		await file('Obok pierwszej', { lng: RYNEK.lng + 0.0002 });
		await file('Daleko', { lng: 20.0386, lat: 50.0722, category: 'playground' });
		await database.db.execute(sql`UPDATE reports SET created_at = created_at - make_interval(mins => 10 - id::int)`);
		const all = await triageQueue(database, { page: 1 }, 30);
		expect(all.map((r) => r.title)).toEqual(['Pierwsza', 'Obok pierwszej', 'Daleko']);
		expect(all[0].nearby).toEqual([{ ref: expect.any(String), title: 'Obok pierwszej', status: 'new' }]);
		expect(all[2].nearby).toEqual([]);
		expect((await triageQueue(database, { page: 1, district: 18 }, 30)).map((r) => r.title)).toEqual(['Daleko']);
		expect((await triageQueue(database, { page: 1, category: 'playground' }, 30)).map((r) => r.title)).toEqual(['Daleko']);
		expect(await triageQueue(database, { page: 1, channel: 'phone' }, 30)).toEqual([]);
		await database.db.execute(sql`UPDATE reports SET vote_count = 3 WHERE id = ${first.id}`);
		expect((await triageQueue(database, { page: 1, minVotes: 2 }, 30)).map((r) => r.title)).toEqual(['Pierwsza']);
	});
});

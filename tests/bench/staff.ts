/**
 * Latency of the staff queues: the operators' triage queue (plain, by district, by category with
 * votes, a later page) and a department's queue (its first and a later page), through HTTP as a
 * signed-in staff member and computed alone:
 *   npm run build && BENCH_DATABASE_URL=postgres://… node tests/bench/staff.ts [--requests 200]
 * Fill the database first with `npm run bench:seed` (1,000,000 reports). It adds two staff
 * accounts (bench-operator@, bench-department@kck.bench) if missing, and their sessions.
 */
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { connect } from '../../src/lib/server/db/connect.ts';
import { migrate } from '../../src/lib/server/db/migrate.ts';
import { createAccount } from '../../src/lib/server/staff/accounts.ts';
import { logIn } from '../../src/lib/server/staff/sessions.ts';
import { SESSION_COOKIE } from '../../src/lib/server/staff/guard.ts';
import { departmentQueue, parseQueueFilters, triageQueue } from '../../src/lib/server/staff/queues.ts';
import { benchDatabaseUrl, ms, printTable, startApp, time, type Timing } from './harness.ts';

const { values } = parseArgs({ options: { requests: { type: 'string', default: '200' }, port: { type: 'string', default: '4394' } } });
const requests = Number(values.requests);
const url = benchDatabaseUrl();
const OVERDUE_DAYS = 30;
const PASSWORD = 'benchmark password only';

const database = await connect({ databaseUrl: url });
await migrate(database);
const app = await startApp(url, values.port);

/** A signed-in session's cookie for `email` (made once with `role`). */
async function cookieFor(email: string, role: 'operator' | 'department', department?: string): Promise<Record<string, string>> {
	const [existing] = await database.rows(sql`SELECT 1 FROM staff_accounts WHERE email = ${email}`);
	if (!existing) await createAccount(database, { email, name: 'Benchmark', role, department, password: PASSWORD }, { accountId: null, address: 'benchmark' });
	const { token } = await logIn(database, email, PASSWORD, 'benchmark');
	return { cookie: `${SESSION_COOKIE}=${token}` };
}

try {
	const [{ reports, fresh, server }] = await database.rows<{ reports: number; fresh: number; server: string }>(
		sql`SELECT (SELECT count(*)::int FROM reports) AS reports, (SELECT count(*)::int FROM reports WHERE status = 'new' AND NOT hidden) AS fresh,
			current_setting('server_version') AS server`
	);
	const [busiest] = await database.rows<{ id: number; code: string; open: number }>(
		sql`SELECT d.id, d.code, count(*)::int AS open FROM reports r JOIN departments d ON d.id = r.department_id
			WHERE r.status IN ('forwarded', 'in_progress') AND NOT r.hidden GROUP BY d.id, d.code ORDER BY open DESC LIMIT 1`
	);
	const [{ code }] = await database.rows<{ code: string }>(
		sql`SELECT c.code FROM reports r JOIN categories c ON c.id = r.category_id WHERE r.status = 'new' GROUP BY c.code ORDER BY count(*) DESC LIMIT 1`
	);
	console.log(
		`Staff queues benchmark: ${reports.toLocaleString('en')} reports (${fresh.toLocaleString('en')} new; ${busiest.open.toLocaleString('en')} forwarded or in progress at ${busiest.code.toUpperCase()}, ` +
			`the busiest department), PostgreSQL ${server}, ${requests} timed requests per case, one at a time\n`
	);
	const operator = await cookieFor('bench-operator@kck.bench', 'operator');
	const department = await cookieFor('bench-department@kck.bench', 'department', busiest.code);

	const cases: { name: string; http: Timing; alone: Timing }[] = [];
	const triage = async (name: string, query: string) => {
		const filters = parseQueueFilters(new URLSearchParams(query));
		cases.push({
			name,
			http: await time(requests, () => app.fetchBytes(`/staff/triage?${query}`, operator)),
			alone: await time(requests, () => triageQueue(database, filters, OVERDUE_DAYS))
		});
	};
	await triage('triage, oldest first', '');
	await triage('triage, district 5', 'district=5');
	await triage(`triage, ${code}, 1+ votes`, `category=${code}&votes=1`);
	await triage('triage, page 10', 'page=10');
	for (const page of [1, 10]) {
		cases.push({
			name: `department ${busiest.code.toUpperCase()}, page ${page}`,
			http: await time(requests, () => app.fetchBytes(`/staff/department?page=${page}`, department)),
			alone: await time(requests, () => departmentQueue(database, busiest.id, page, OVERDUE_DAYS))
		});
	}
	printTable([
		['case', 'HTTP p50', 'HTTP p99', 'alone p50', 'alone p99', 'page KB', 'target p99'],
		...cases.map((c) => [c.name, ms(c.http.p50), ms(c.http.p99), ms(c.alone.p50), ms(c.alone.p99), String(Math.round((c.http.bytes?.mean ?? 0) / 1024)), '< 50 ms'])
	]);
} finally {
	app.stop();
	await database.close();
}

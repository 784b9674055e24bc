/**
 * Load and faults (issue 15): the production build (`node build`) on PostgreSQL + PostGIS under a mix
 * of map tiles, pages, nearby look-ups, votes and new reports with a photo (autocannon, one instance
 * per kind), first as is, then while PostgreSQL restarts (fast, then immediate). Prints throughput and
 * p50/p99 per kind, the 503s, the time to healthy and the app's RSS; then the clients that got a 503
 * or no answer send the same form (its submission key) or vote (its voter) again, and every report
 * and vote the app acknowledged must be stored exactly once:
 *   npm run build && npm run bench:load [-- --seconds 60 --reports 20000 --port 4480]
 * Without BENCH_DATABASE_URL it runs on a throwaway cluster (tests/support/postgis-cluster.sh) that
 * the app fills with `--reports` demo reports; with it, PostgreSQL restarts only when
 * `--restart-cluster DIR` names that server's cluster folder. It adds reports ("Obciążenie …") and votes.
 * Exits 1 on anything lost or doubled, a 5xx other than 503, an unclear 503, a hang or a lie ("not saved" yet saved).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import postgres from 'postgres';
import sharp from 'sharp';
import { OPEN_STATUSES } from '../../src/lib/domain/status.ts';
import { translate } from '../../src/lib/i18n/index.ts';
import { issueVoterId } from '../../src/lib/server/votes/voter-id.ts';
import { cluster, filingOutcome, startBuiltApp, untilHealthy, type BuiltApp } from '../support/built-app.ts';
import { centralPoints, centralTiles, ms, printTable, rssMb } from './harness.ts';

const { values } = parseArgs({
	options: {
		seconds: { type: 'string', default: '60' },
		reports: { type: 'string', default: '20000' },
		port: { type: 'string', default: '4480' },
		'restart-cluster': { type: 'string' },
		timeout: { type: 'string', default: '10' }
	}
});
const seconds = Number(values.seconds);
/** Seconds without an answer that count as a hang. */
const timeout = Number(values.timeout);
/** Each kind's cap per phase, so a very fast machine still ends with bounded bookkeeping. */
const MAX_REQUESTS_PER_KIND = 100_000;
const ownCluster = !process.env.BENCH_DATABASE_URL;
const clusterDir = ownCluster ? mkdtempSync(path.join(tmpdir(), 'kck-map-load-pg.')) : values['restart-cluster'];

interface Filing {
	title: string;
	body: Buffer;
	contentType: string;
	outcome: 'unanswered' | ReturnType<typeof filingOutcome>;
	/** Sent again (the same form) after a 503 or no answer. */
	retried: boolean;
	ref?: string;
}
interface Ballot {
	reportId: number;
	cookie: string;
	acknowledged: boolean;
	retried: boolean;
}
/** autocannon's per-connection context: what the request in flight carries, to read its answer against. */
type Context = { filing?: Filing; ballot?: Ballot };
interface Kind {
	name: string;
	connections: number;
	next(context: Context): autocannon.Request;
	answered?(context: Context, status: number, body: string): void;
}
interface Tally {
	statuses: Map<number, number>;
	/** 503s that are not the outage's page or JSON with a Retry-After. */
	unclear: number;
	/** Answers past 499 other than a clear 503, briefly, for the report. */
	broken: string[];
}

const STACK_TRACE = /\bat .+:\d+:\d+/;
/** What every 503 page and JSON says (a request without Accept-Language is answered in Polish). */
const UNAVAILABLE = translate('pl', 'errors.unavailable');
const UNAVAILABLE_FORM = [translate('pl', 'errors.unavailable_not_saved'), translate('pl', 'errors.unavailable_outcome_unknown')];

let failed = false;
const failIf = (condition: boolean) => (failed ||= condition);

const databaseUrl = process.env.BENCH_DATABASE_URL ?? (await cluster('start', clusterDir!)).stdout.trim();
const stopCluster = async () => {
	if (ownCluster) await cluster('stop', clusterDir!);
};
// Ctrl-C: the throwaway PostgreSQL would otherwise run on as a daemon.
process.once('SIGINT', () => void stopCluster().finally(() => process.exit(130)));
// Piped into `head`: a closed stdout must not end the run before the app and the cluster are stopped.
process.stdout.on('error', () => undefined);
const secret = randomBytes(32).toString('base64url');
try {
	const app = await startBuiltApp(databaseUrl, {
		PORT: values.port,
		DEMO_REPORTS: ownCluster ? values.reports : '0',
		// The whole load comes from one address: the per-address limits would refuse most of it.
		RATE_LIMIT_FACTOR: '1000000',
		// Known here, so each vote can carry a voter cookie of its own and send it again on a retry.
		SESSION_SECRET: secret
	});
	const sql = postgres(databaseUrl, { max: 2, onnotice: () => {} });
	try {
		await measure(app, sql);
	} finally {
		await app.stop();
		await sql.end({ timeout: 1 });
	}
} finally {
	await stopCluster();
}
process.exit(failed ? 1 : 0);

/** The two phases, the retries and the checks, printed as they go. */
async function measure(app: BuiltApp, sql: postgres.Sql) {
	// Planner statistics for the reports just generated, as autovacuum would gather them soon anyway.
	await sql`ANALYZE`;
	const [{ reports, server }] = await sql<{ reports: number; server: string }[]>`
		SELECT (SELECT count(*)::int FROM reports) AS reports, current_setting('server_version') AS server`;
	const refs = (await sql<{ ref: string }[]>`SELECT public_ref AS ref FROM reports WHERE NOT hidden ORDER BY random() LIMIT 200`).map((r) => r.ref);
	const [{ code: category }] = await sql<{ code: string }[]>`SELECT code FROM categories WHERE type = 'problem' ORDER BY id LIMIT 1`;
	// Only open reports take votes; the same 50 get many, so concurrent votes meet on one counter.
	const votedOn = await sql<{ id: number; votes: number }[]>`
		SELECT id::int AS id, vote_count AS votes FROM reports WHERE status::text = ANY(${[...OPEN_STATUSES]}) AND NOT hidden ORDER BY id LIMIT 50`;
	const photo = await sharp({ create: { width: 160, height: 120, channels: 3, background: '#888', noise: { type: 'gaussian', mean: 128, sigma: 40 } } })
		.jpeg()
		.toBuffer();
	const run = randomBytes(3).toString('hex');
	const filings: Filing[] = [];
	const ballots: Ballot[] = [];

	const spots = centralPoints(500);
	const newFiling = (): Filing => {
		const { lng, lat } = spots[filings.length % spots.length];
		const title = `Obciążenie ${run} nr ${filings.length + 1}`;
		const fields = { type: 'problem', category, title, lng: String(lng), lat: String(lat), submission: randomUUID() };
		const filing: Filing = { title, ...multipart(fields, photo), outcome: 'unanswered', retried: false };
		filings.push(filing);
		return filing;
	};
	// As the page's script sends the form (use:enhance): the answer is JSON, a redirect when saved.
	const formHeaders = (filing: Filing) => ({ origin: app.base, accept: 'application/json', 'x-sveltekit-action': 'true', 'content-type': filing.contentType });
	const voteRequest = (ballot: Ballot) => ({
		method: 'POST' as const,
		path: `/api/reports/${ballot.reportId}/votes`,
		headers: { origin: app.base, accept: '*/*', cookie: `voter=${ballot.cookie}` }
	});

	// Accept as browsers send it: pages ask for HTML, the map's and pages' scripts fetch with */*.
	const cycling = (name: string, connections: number, paths: string[], accept = '*/*'): Kind => {
		let i = 0;
		return { name, connections, next: () => ({ method: 'GET', path: paths[i++ % paths.length], headers: { accept } }) };
	};
	const tiles = (z: number, connections: number) => cycling(`tile z${z}`, connections, centralTiles(z).map((t) => `/tiles/${t.z}/${t.x}/${t.y}`));
	const kinds: Kind[] = [
		tiles(10, 2),
		tiles(13, 2),
		tiles(16, 3),
		cycling('map page /', 2, ['/'], 'text/html'),
		cycling('report page', 3, refs.map((ref) => `/reports/${ref}`), 'text/html'),
		cycling('nearby', 3, spots.map((p) => `/api/reports/nearby?lng=${p.lng}&lat=${p.lat}`)),
		{
			name: 'vote',
			connections: 3,
			next(context) {
				const ballot = { reportId: votedOn[ballots.length % votedOn.length].id, cookie: issueVoterId(secret), acknowledged: false, retried: false };
				ballots.push(ballot);
				context.ballot = ballot;
				return voteRequest(ballot);
			},
			answered: (context, status) => void (context.ballot!.acknowledged = status === 200)
		},
		{
			name: 'new report + photo',
			connections: 2,
			next(context) {
				const filing = (context.filing = newFiling());
				return { method: 'POST', path: '/report', headers: formHeaders(filing), body: filing.body };
			},
			answered(context, status, body) {
				context.filing!.outcome = filingOutcome({ status, body });
				context.filing!.ref = refOf(body);
			}
		}
	];
	const connections = kinds.reduce((n, k) => n + k.connections, 0);
	console.log(`Load and faults: ${reports.toLocaleString('en')} reports, PostgreSQL ${server}, ${connections} connections (${kinds.map((k) => `${k.name} ${k.connections}`).join(', ')}), ${seconds} s per phase, a hang is ${timeout} s without an answer\n`);

	let peakRss = 0;
	const rss = async () => {
		const mb = await rssMb(app.server.pid!);
		peakRss = Math.max(peakRss, mb);
		return mb;
	};
	const rssAtStart = await rss();
	const sampling = setInterval(() => void rss().catch(() => undefined), 250);

	/** Runs every kind at once for `seconds`, with `alongside` (the faults) in parallel; prints a row per kind. */
	async function phase<T>(title: string, alongside: () => Promise<T>): Promise<{ extra: T; answered503: number }> {
		const tallies: Tally[] = kinds.map(() => ({ statuses: new Map(), unclear: 0, broken: [] }));
		const [results, extra] = await Promise.all([
			Promise.all(
				kinds.map((kind, k) =>
					autocannon({
						url: app.base,
						connections: kind.connections,
						duration: seconds,
						maxOverallRequests: MAX_REQUESTS_PER_KIND,
						timeout,
						requests: [
							{
								setupRequest: (request, context) => ({ ...request, ...kind.next(context as Context) }),
								onResponse: (status, body, context, headers) => {
									kind.answered?.(context as Context, status, body);
									tally(tallies[k], kind.name, status, body, headers ?? {});
								}
							}
						]
					})
				)
			),
			alongside()
		]);
		console.log(`${title}:`);
		const rows = [['kind', 'conns', 'answers', 'req/s', 'p50', 'p99', 'max', 'ok', '503', 'other', 'no answer']];
		let answered503 = 0;
		results.forEach((result, k) => {
			const { statuses, unclear, broken } = tallies[k];
			const answers = [...statuses.values()].reduce((a, b) => a + b, 0);
			const ok = (statuses.get(200) ?? 0) + (statuses.get(304) ?? 0);
			const unavailable = statuses.get(503) ?? 0;
			answered503 += unavailable;
			rows.push([
				kinds[k].name,
				String(kinds[k].connections),
				String(answers),
				(answers / result.duration).toFixed(1),
				ms(result.latency.p50),
				ms(result.latency.p99),
				ms(result.latency.max),
				String(ok),
				String(unavailable),
				[...statuses].filter(([s]) => s !== 200 && s !== 304 && s !== 503).map(([s, n]) => `${n}×${s}`).join(' ') || '0',
				`${result.timeouts} hung, ${result.errors - result.timeouts} errors`
			]);
			for (const line of broken.slice(0, 5)) console.log(`  ${line}`);
			failIf(unclear > 0 || broken.length > 0 || result.errors > 0);
			if (unclear) console.log(`  ${kinds[k].name}: ${unclear} 503s without Retry-After or the outage's page/JSON`);
		});
		printTable(rows);
		console.log(`RSS now ${(await rss()).toFixed(0)} MB\n`);
		return { extra, answered503 };
	}

	function tally(t: Tally, kind: string, status: number, body: string, headers: Record<string, unknown>) {
		// The form's script gets its refusals as 200 JSON carrying the status it stands for.
		const failure = status === 200 && body.startsWith('{"type":"failure"') ? (JSON.parse(body) as { status: number }).status : null;
		const meant = failure ?? status;
		t.statuses.set(meant, (t.statuses.get(meant) ?? 0) + 1);
		if (meant < 500) return;
		const clear =
			failure === 503 ? UNAVAILABLE_FORM.some((text) => body.includes(text)) : status === 503 && /^\d+$/.test(String(headers['retry-after'])) && body.includes(UNAVAILABLE);
		if (meant !== 503 || STACK_TRACE.test(body)) t.broken.push(`${kind}: ${meant} ${body.slice(0, 300)}`);
		else if (!clear) t.unclear++;
	}

	await phase('Load', async () => undefined);

	if (!clusterDir) console.log('No fault run: BENCH_DATABASE_URL is set without --restart-cluster DIR.\n');
	else {
		const healthUrls = ['/', `/reports/${refs[0]}`, '/api/reports/nearby?lng=19.9372&lat=50.0614', `/tiles/16/${centralTiles(16)[0].x}/${centralTiles(16)[0].y}`];
		const { extra: recoveries, answered503 } = await phase('Faults (PostgreSQL restarts fast, then immediate, during the load)', async () => {
			const started = performance.now();
			const recoveries: string[][] = [['restart', 'at', 'PostgreSQL down for', 'app healthy after PostgreSQL was back']];
			for (const [mode, at] of [['fast', 0.2], ['immediate', 0.6]] as const) {
				await new Promise((r) => setTimeout(r, Math.max(0, started + at * seconds * 1000 - performance.now())));
				const restarting = performance.now();
				await cluster('restart', clusterDir, mode);
				const back = performance.now();
				const healthy = await untilHealthy(app, healthUrls, 30_000);
				failIf(healthy === Infinity);
				recoveries.push([mode, `${((restarting - started) / 1000).toFixed(1)} s`, ms(back - restarting), healthy === Infinity ? 'NOT within 30 s' : ms(healthy)]);
			}
			return recoveries;
		});
		printTable(recoveries);
		console.log(`503 answers during the fault run: ${answered503}\n`);
	}

	// What the app said before any retry must hold: "not saved" means not saved.
	const told = await storedCopies();
	const refusedYetSaved = filings.filter((f) => f.outcome === 'not_saved' && (told.get(f.title)?.length ?? 0) > 0).length;
	failIf(refusedYetSaved > 0);
	const firstAnswers = Object.entries(Object.groupBy(filings, (f) => f.outcome)).map(([outcome, list]) => `${list!.length} ${outcome}`);
	const storedBeforeResend = filings.filter((f) => f.outcome !== 'saved' && told.has(f.title)).length;

	// The clients that got a 503 or no answer send the very same form or vote again, now that PostgreSQL is back.
	for (const filing of filings.filter((f) => f.outcome !== 'saved')) {
		filing.retried = true;
		await resend(async () => {
			const answer = await app.ask('/report', { method: 'POST', headers: formHeaders(filing), body: new Uint8Array(filing.body) }, timeout * 1000);
			filing.outcome = filingOutcome(answer);
			filing.ref = refOf(answer.body);
			return filing.outcome === 'saved';
		});
	}
	for (const ballot of ballots.filter((b) => !b.acknowledged)) {
		ballot.retried = true;
		await resend(async () => {
			const { method, path, headers } = voteRequest(ballot);
			return (ballot.acknowledged = (await app.ask(path, { method, headers }, timeout * 1000)).status === 200);
		});
	}

	// Reports: each acknowledged title once, under the reference the app answered; no title twice.
	const stored = await storedCopies();
	const acknowledged = filings.filter((f) => f.outcome === 'saved');
	const reportsLost = acknowledged.filter((f) => !stored.get(f.title)?.length).length;
	const reportsDoubled = [...stored.values()].filter((copies) => copies.length > 1).length;
	const wrongRef = acknowledged.filter((f) => stored.get(f.title)?.length === 1 && stored.get(f.title)![0] !== f.ref).length;
	console.log(
		`reports: ${filings.length} filed (first answers: ${firstAnswers.join(', ')}), ${acknowledged.length} acknowledged, ` +
			`${acknowledged.filter((f) => f.retried).length} of them only after resending the same form (${storedBeforeResend} stored already by the first try), ` +
			`${filings.length - acknowledged.length} never; "not saved" yet saved: ${refusedYetSaved}; answered with another report's reference: ${wrongRef}`
	);
	console.log(`reports lost: ${reportsLost}, doubled: ${reportsDoubled}`);

	// Votes: each acknowledged voter's row is there, and each report's counter moved by exactly its new rows.
	const voterOf = (b: Ballot) => b.cookie.slice(0, b.cookie.indexOf('.'));
	const rows = await sql<{ reportId: number; voterId: string }[]>`
		SELECT report_id::int AS "reportId", voter_id AS "voterId" FROM votes WHERE voter_id = ANY(${ballots.map(voterOf)})`;
	const rowKeys = new Set(rows.map((r) => `${r.reportId} ${r.voterId}`));
	const after = new Map((await sql<{ id: number; votes: number }[]>`SELECT id::int AS id, vote_count AS votes FROM reports WHERE id = ANY(${votedOn.map((r) => r.id)})`).map((r) => [r.id, r.votes]));
	let countedTooFew = 0;
	let countedTooMany = 0;
	for (const { id, votes } of votedOn) {
		const drift = after.get(id)! - votes - rows.filter((r) => r.reportId === id).length;
		countedTooMany += Math.max(0, drift);
		countedTooFew += Math.max(0, -drift);
	}
	const votesAcknowledged = ballots.filter((b) => b.acknowledged);
	const votesLost = votesAcknowledged.filter((b) => !rowKeys.has(`${b.reportId} ${voterOf(b)}`)).length + countedTooFew;
	console.log(
		`votes: ${ballots.length} sent by as many voters, ${votesAcknowledged.length} acknowledged (${votesAcknowledged.filter((b) => b.retried).length} only after resending), ` +
			`${rows.length} stored; counters off by +${countedTooMany}/−${countedTooFew}`
	);
	console.log(`votes lost: ${votesLost}, doubled: ${countedTooMany}`);
	failIf(reportsLost + reportsDoubled + wrongRef + votesLost + countedTooMany > 0);

	clearInterval(sampling);
	const alive = app.server.exitCode === null;
	failIf(!alive);
	console.log(`\nRSS: ${rssAtStart.toFixed(0)} MB at the start, ${(await rss()).toFixed(0)} MB at the end, ${peakRss.toFixed(0)} MB at the peak; the app ${alive ? 'is alive' : 'EXITED'}`);
	console.log(failed ? 'FAILED' : 'passed');

	/** The references stored under each of this run's titles. */
	async function storedCopies(): Promise<Map<string, string[]>> {
		const found = await sql<{ title: string; refs: string[] }[]>`
			SELECT title, array_agg(public_ref) AS refs FROM reports WHERE title LIKE ${`Obciążenie ${run} nr %`} GROUP BY title`;
		return new Map(found.map((r) => [r.title, r.refs]));
	}
}

/** The reference a saved report's answer redirects to. */
function refOf(body: string): string | undefined {
	return /"location":"\/reports\/([^?"]+)/.exec(body)?.[1];
}

/** Tries `once` up to five times, a second apart, until it says it got through. */
async function resend(once: () => Promise<boolean>): Promise<void> {
	for (let attempt = 0; attempt < 5 && !(await once()); attempt++) await new Promise((r) => setTimeout(r, 1000));
}

/** A multipart/form-data body of text fields and one JPEG as `photos`, built at once (autocannon's setupRequest cannot wait). */
function multipart(fields: Record<string, string>, jpeg: Buffer): { body: Buffer; contentType: string } {
	const boundary = `kck-load-${randomUUID()}`;
	const head = (disposition: string) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; ${disposition}\r\n`);
	const parts: Buffer[] = Object.entries(fields).flatMap(([name, value]) => [head(`name="${name}"`), Buffer.from(`\r\n${value}\r\n`)]);
	parts.push(head('name="photos"; filename="photo.jpg"'), Buffer.from('Content-Type: image/jpeg\r\n\r\n'), jpeg, Buffer.from(`\r\n--${boundary}--\r\n`));
	return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

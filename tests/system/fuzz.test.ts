/**
 * Bad input (issue 15): fast-check throws malformed and hostile input at every public form and API
 * of the production build on a PostgreSQL cluster. Every answer must be a success or a 4xx that
 * says why (never a 5xx, never a hang); afterwards no script from the data reaches a page or a
 * feed unescaped, and nothing is half-written (rows without their report, files without their row).
 *
 * FUZZ_SEED picks other cases (the seed in use is printed); FUZZ_SCALE multiplies the counts.
 */
import { deflateSync, crc32 } from 'node:zlib';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import postgres from 'postgres';
import sharp from 'sharp';
import { XMLValidator } from 'fast-xml-parser';
import { pl } from '$lib/i18n/pl.ts';
import { en } from '$lib/i18n/en.ts';
import { CHART_IDS } from '$lib/stats/chart-tables.ts';
import { OPEN_STATUSES } from '$lib/domain/status.ts';
import { cluster, createApiKey, startBuiltApp, type Answer, type BuiltApp } from '../support/built-app.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20260515);
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
/** Requests in flight at once. */
const BATCH = 8;
/** Longer than any honest answer takes; no answer by then counts as a hang. */
const HANG_MS = 15_000;

let clusterDir: string;
let app: BuiltApp;
let sql: postgres.Sql;
let uploadsDir: string;
let apiKey: string;
let categories: string[];
/** Reports still open to "me too", so some votes pass every check. */
let refs: string[];
let ids: string[];
/** Per target: how many cases got each status, to see that they reach the real checks and that some pass them. */
const counts: Record<string, Record<number, number>> = {};
const count = (target: string, status: number) => {
	const statuses = (counts[target] ??= {});
	statuses[status] = (statuses[status] ?? 0) + 1;
};
const sum = (statuses: Record<number, number>) => Object.values(statuses).reduce((a, b) => a + b, 0);
const started = performance.now();

beforeAll(async () => {
	clusterDir = mkdtempSync(path.join(tmpdir(), 'kck-map-fuzz-pg.'));
	const databaseUrl = (await cluster('start', clusterDir)).stdout.trim();
	sql = postgres(databaseUrl, { max: 2, onnotice: () => {} });
	uploadsDir = mkdtempSync(path.join(tmpdir(), 'kck-map-fuzz-uploads.'));
	// Each case comes from an address of its own (X-Forwarded-For), so the per-address limits
	// (votes, logins) leave most cases to the real checks; BODY_SIZE_LIMIT as `npm run serve` sets it.
	app = await startBuiltApp(databaseUrl, { DEMO_REPORTS: '150', UPLOADS_DIR: uploadsDir, ADDRESS_HEADER: 'X-Forwarded-For', BODY_SIZE_LIMIT: '32M' });
	apiKey = (await createApiKey(databaseUrl, 'Fuzz')).key;
	categories = (JSON.parse((await app.ask('/open311/v2/services.json')).body) as { service_code: string }[]).map((s) => s.service_code);
	const open = await sql<{ id: string; ref: string }[]>`SELECT id::text, public_ref AS ref FROM reports WHERE status IN ${sql(OPEN_STATUSES)} AND NOT hidden ORDER BY id LIMIT 20`;
	[ids, refs] = [open.map((r) => r.id), open.map((r) => r.ref)];
	console.log(`fuzz seed ${SEED} (FUZZ_SEED to change)`);
}, 120_000);

afterAll(async () => {
	const total = Object.values(counts).reduce((all, statuses) => all + sum(statuses), 0);
	console.log(
		`fuzz cases per target (seed ${SEED}):\n${Object.entries(counts)
			.map(([target, statuses]) => `  ${target}: ${sum(statuses)} (${Object.entries(statuses).map(([status, n]) => `${status}×${n}`).join(', ')})`)
			.join('\n')}\n  total: ${total} in ${((performance.now() - started) / 1000).toFixed(0)} s`
	);
	await app?.stop();
	await sql?.end({ timeout: 1 });
	if (clusterDir) await cluster('stop', clusterDir);
	if (uploadsDir) rmSync(uploadsDir, { recursive: true, force: true });
});

// ---- What a case is and what every answer must be ----

interface Case {
	path: string;
	init?: RequestInit;
}

/** Every message the site can show, in both languages (the part before any {placeholder}), to recognise a 4xx that says why. */
const MESSAGES = [...Object.values(pl), ...Object.values(en)]
	.map((m) => m.split(/\{\w+\}/).sort((a, b) => b.length - a.length)[0].trim())
	.filter((m) => m.length >= 8);
const unescapeHtml = (html: string) =>
	html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;|&#x27;/g, "'").replace(/&amp;/g, '&');
const knownMessage = (text: string) => MESSAGES.some((m) => text.includes(m));

/** A 4xx that tells the client why: JSON with a message, Open311's error list, or a page or text with the words. */
function saysWhy(answer: Answer): boolean {
	const body = answer.body.trim();
	if (answer.contentType.includes('json')) {
		const value = JSON.parse(body);
		// A form action posted by the page's script: the failure's data (devalue) holds the message.
		if (value?.type === 'failure') return knownMessage(value.data);
		const text = value?.message ?? value?.error?.message ?? value?.[0]?.description;
		return typeof text === 'string' && text.length > 0;
	}
	if (answer.contentType.includes('xml')) return /<error>\s*<code>\d{3}<\/code>\s*<description>[^<]+<\/description>/.test(body);
	if (answer.contentType.includes('html')) return knownMessage(unescapeHtml(body)) || /<h1>4\d\d<\/h1>\s*<p>[^<]+<\/p>/.test(body);
	return body.length > 0;
}

const describeCase = (c: Case) => {
	const body = c.init?.body;
	const shown = typeof body === 'string' ? body.slice(0, 200) : body instanceof URLSearchParams ? body.toString().slice(0, 200) : body instanceof FormData ? JSON.stringify([...body].map(([k, v]) => [k, typeof v === 'string' ? v.slice(0, 60) : `${v.name} ${v.type} ${v.size} B`])).slice(0, 400) : '';
	return `${c.init?.method ?? 'GET'} ${c.path.slice(0, 200)} ${JSON.stringify(c.init?.headers ?? {})} ${shown}`;
};

/** The status that counts: a form action answers its page's script 200, with the real outcome in the JSON. */
function outcome(answer: Answer): number {
	if (answer.status !== 200 || !answer.body.startsWith('{"type":')) return answer.status;
	const { type, status } = JSON.parse(answer.body) as { type: string; status?: number };
	return type === 'failure' || type === 'redirect' ? status! : answer.status;
}

let sent = 0;
/** A made-up client address per request (see ADDRESS_HEADER above). */
const nextAddress = () => {
	const n = ++sent;
	return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
};

async function check(target: string, c: Case): Promise<void> {
	const headers = new Headers(c.init?.headers);
	headers.set('x-forwarded-for', nextAddress());
	const answer = await app.ask(c.path, { ...c.init, headers }, HANG_MS);
	const status = outcome(answer);
	count(target, status);
	const problem = status === 0 ? `no answer (${answer.body})` : status >= 500 ? `${status}` : status >= 400 && !saysWhy(answer) ? `${status} without a reason` : null;
	if (problem) throw new Error(`${problem} for ${describeCase(c)}\n→ ${answer.contentType} ${answer.body.slice(0, 300)}\n${app.log().slice(-1500)}`);
}

/** Runs `cases` cases of `arbitrary` against the app, BATCH at a time; fast-check shrinks any failing batch. */
async function fuzz(target: string, cases: number, arbitrary: fc.Arbitrary<Case>): Promise<void> {
	const runs = Math.ceil((cases * SCALE) / BATCH);
	// Counterexamples print as one short line per case, not as whole bodies.
	const printable = arbitrary.map((c) => ({ ...c, [fc.toStringMethod]: () => describeCase(c) }));
	await fc.assert(
		fc.asyncProperty(fc.array(printable, { minLength: BATCH, maxLength: BATCH }), async (batch) => {
			await Promise.all(batch.map((c) => check(target, c)));
		}),
		{ seed: [...target].reduce((h, ch) => Math.imul(h, 31) + ch.charCodeAt(0), SEED) | 0, numRuns: runs, endOnFailure: true }
	);
}

// ---- Hostile values ----

/** Pieces that break naive code: Unicode edge cases, injections, numbers that are not numbers. */
const NASTY = [
	'\u0000', '\uD800', '\uDFFF', '\u202E', '\u200F', '\u200B', '\uFEFF', 'e\u0301\u0301\u0301', '🚧', '👨‍👩‍👧', 'ąęłżźćńóś', 'ﷺ', '\u0085', '\r\n', '\t',
	"'; DROP TABLE reports;--", "' OR '1'='1", '"; SELECT pg_sleep(30);--', '\\', '$1', '%s', '%n', '{{7*7}}', '${7*7}',
	'<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', '</title><script>alert(2)</script>', ']]>', '<![CDATA[', '&amp;', '&#0;', 'javascript:alert(1)',
	'NaN', 'Infinity', '-Infinity', '1e309', '-1e309', '-0', '0x1F', '1_000', '', ' ', 'null', 'undefined', '[]', '{}', 'true', '../../etc/passwd', '%00', '%ff'
];
const nasty = fc.constantFrom(...NASTY);
/** Any text, from a few nasty pieces to a long run (a few kB, under every body limit). */
const hostile: fc.Arbitrary<string> = fc.oneof(
	{ weight: 4, arbitrary: fc.array(fc.oneof(nasty, fc.string({ unit: 'binary', maxLength: 8 }), fc.string({ maxLength: 8 })), { maxLength: 6 }).map((p) => p.join('')) },
	{ weight: 1, arbitrary: fc.tuple(nasty, fc.integer({ min: 100, max: 20_000 })).map(([piece, n]) => (piece || 'x').repeat(Math.ceil(n / Math.max(piece.length, 1)))) }
);
/** A number as a client might send it: in range, out of range, or not a number at all. */
const numberText = (min: number, max: number) =>
	fc.oneof(
		{ weight: 3, arbitrary: fc.double({ min, max, noNaN: true }).map(String) },
		fc.constantFrom('NaN', 'Infinity', '-Infinity', '1e309', '-1e309', '-0', '0', '', ' 50.06', '50,06', '5e1', '0x32', '1e-400'),
		fc.double().map(String),
		fc.integer().map(String),
		hostile
	);
const lat = numberText(50.0, 50.12);
const lng = numberText(19.8, 20.1);
/** Text that is valid in a URL (lone surrogates become U+FFFD on the way, as in any browser). */
const queryValue = fc.oneof({ weight: 3, arbitrary: hostile.map((s) => s.slice(0, 600)) }, fc.constantFrom('1', '18', '0', '-1', '99', 'problem', 'idea', 'open', '7d', '2026-01', '2025-13', 'KCK-2026-000001'));
/** A query string of the given parameter names with hostile values, sometimes repeated, sometimes raw broken escapes. */
const query = (names: string[]) =>
	fc
		.tuple(
			fc.array(fc.tuple(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...names) }, hostile.map((s) => s.slice(0, 50))), queryValue), { maxLength: 6 }),
			fc.option(fc.constantFrom('%', '%zz', '%FF', '%ED%A0%80', '%00', '&&&', '=&=', 'a=%C0%AF', '%E2%80'), { freq: 5 })
		)
		.map(([pairs, raw]) => {
			const text = new URLSearchParams(pairs).toString();
			return raw ? `${text}&${raw}` : text;
		});
/** Under Node's 16 kB limit for the request line and headers (over it Node answers 431 with no body, before the app sees it). */
const MAX_QUERY = 6000;
const withQuery = (path: string, q: string) => (q ? `${path}?${q.slice(0, MAX_QUERY)}` : path);
/** Up to `max` characters of `text` as a URL's part (a lone surrogate cannot be encoded: it goes as U+FFFD, as browsers send it). */
const encoded = (text: string, max: number) => encodeURIComponent(text.slice(0, max).toWellFormed());
/** A path segment: mostly URL-safe hostile text, sometimes raw broken escapes or numbers. */
const segment = fc.oneof(
	hostile.map((s) => encoded(s, 200)),
	fc.constantFrom('%', '%zz', '%FF', '%00', '..', '%2e%2e', '%2F', '-1', '0', '1e3', '00001', '999999999', '9999999999', 'NaN')
);

/** What a form page's own script sends: its origin, and asking for JSON. */
const SCRIPT = (base: string) => ({ origin: base, accept: 'application/json', 'x-sveltekit-action': 'true' });
/** A plain form post from the site's page, without JavaScript. */
const PLAIN = (base: string) => ({ origin: base, accept: 'text/html' });

/** Fields as a form body: multipart or urlencoded, each value maybe missing, maybe given twice. */
const formBody = (fields: Record<string, fc.Arbitrary<string>>, files: fc.Arbitrary<File[]> = fc.constant([])) =>
	fc
		.tuple(
			fc.record(Object.fromEntries(Object.entries(fields).map(([name, value]) => [name, fc.option(value, { freq: 8 })]))),
			files,
			fc.boolean(),
			fc.option(fc.tuple(fc.constantFrom(...Object.keys(fields)), hostile), { freq: 6 })
		)
		.map(([values, photos, multipart, duplicate]) => {
			const entries = Object.entries(values).filter((e): e is [string, string] => e[1] !== null);
			if (duplicate) entries.push(duplicate);
			if (!multipart && photos.length === 0) return new URLSearchParams(entries);
			const form = new FormData();
			for (const [name, value] of entries) form.append(name, value);
			for (const photo of photos) form.append('photos', photo);
			return form;
		});

// ---- Photos: real, fake and broken ----

let images: Record<string, Uint8Array>;

/** A PNG whose header claims 100,000 × 100,000 pixels: a decompression bomb's shape. */
function hugePng(): Uint8Array {
	const chunk = (type: string, data: Buffer) => {
		const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
		const length = Buffer.alloc(4);
		length.writeUInt32BE(data.length);
		const crc = Buffer.alloc(4);
		crc.writeUInt32BE(crc32(body));
		return Buffer.concat([length, body, crc]);
	};
	const header = Buffer.alloc(13);
	header.writeUInt32BE(100_000, 0);
	header.writeUInt32BE(100_000, 4);
	header.set([8, 2, 0, 0, 0], 8);
	return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.alloc(1000))), chunk('IEND', Buffer.alloc(0))]);
}

beforeAll(async () => {
	const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#c33' } }).jpeg().toBuffer();
	images = {
		jpeg,
		truncatedJpeg: jpeg.subarray(0, jpeg.length >> 1),
		svg: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>'),
		text: Buffer.from('to nie jest zdjęcie'),
		hugePng: hugePng(),
		empty: new Uint8Array(0),
		tooLarge: new Uint8Array(10 * 1024 * 1024 + 1)
	};
});

const photoFiles: fc.Arbitrary<File[]> = fc.oneof(
	{ weight: 5, arbitrary: fc.constant<File[]>([]) },
	fc.constant(null).map(() => [new File([images.jpeg as Uint8Array<ArrayBuffer>], 'zdjęcie.jpg', { type: 'image/jpeg' })]),
	fc.array(
		fc.tuple(fc.constantFrom('jpeg', 'truncatedJpeg', 'svg', 'text', 'hugePng', 'empty', 'jpeg', 'tooLarge'), fc.constantFrom('zdjęcie.jpg', 'a.png', 'x.svg', '', '<script>.jpg', '../../x.jpg'), fc.constantFrom('image/jpeg', 'image/svg+xml', 'text/plain', '')).map(
			([kind, name, type]) => new File([images[kind] as Uint8Array<ArrayBuffer>], name, { type })
		),
		{ minLength: 1, maxLength: 4 }
	)
);

// ---- The targets ----

/** What a feed, and so an alert, follows. */
const FEED_PARAMS = ['district', 'category', 'type', 'lng', 'lat', 'radius', 'bbox', 'report'];

const pick = <T>(values: () => T[]) => fc.integer({ min: 0, max: 1_000 }).map((i) => values()[i % values().length]);
const category = fc.oneof(pick(() => categories), hostile);
const ref = fc.oneof(pick(() => refs), fc.integer({ min: 0, max: 10 ** 12 }).map((n) => `KCK-2026-${String(n).padStart(6, '0')}`), segment);
/** Titles that pass the form's checks, some carrying markup, so some hostile reports are really saved. */
const savableTitle = fc.tuple(fc.constantFrom('<script>alert("t")</script>', '"><img src=x onerror=alert(1)>', 'Dziura ', ']]></title><script>x</script>'), fc.string({ maxLength: 40 })).map(([a, b]) => a + b);

/** Mostly `valid`, sometimes anything: a report with every field valid gets saved with whatever the others carry. */
const mostly = (valid: fc.Arbitrary<string>) => fc.oneof({ weight: 4, arbitrary: valid }, hostile);
/** A point inside Kraków's middle districts. */
const inside = { lng: fc.double({ min: 19.9, max: 19.98, noNaN: true }).map(String), lat: fc.double({ min: 50.04, max: 50.08, noNaN: true }).map(String) };
/** E-mail addresses the form takes, and odd but valid ones. */
const email = fc.oneof(fc.constantFrom('mieszkanka@example.com', 'jan.kowalski+kck@poczta.example'), fc.emailAddress());
const reportFields = {
	type: mostly(fc.constantFrom('problem', 'idea')),
	category: mostly(pick(() => categories)),
	title: mostly(savableTitle),
	description: mostly(savableTitle),
	lng: fc.oneof(inside.lng, lng),
	lat: fc.oneof(inside.lat, lat),
	address: mostly(savableTitle),
	email: mostly(email),
	phone: mostly(fc.constant('+48 12 616 55 55'))
};

describe('hostile input never gets a 5xx or a hang', () => {
	it('the report form, as the page’s script and as a plain form', async () => {
		await fuzz('report form (script)', 1000, formBody(reportFields, photoFiles).map((body) => ({ path: '/report', init: { method: 'POST', body, headers: SCRIPT(app.base) } })));
		await fuzz('report form (no JS)', 500, formBody(reportFields, photoFiles).map((body) => ({ path: '/report', init: { method: 'POST', body, headers: PLAIN(app.base) } })));
	}, 120_000);

	it('votes: the API and the report page’s action', async () => {
		const voter = fc.oneof(hostile, fc.string({ unit: 'binary-ascii' })).map((s) => `voter=${encoded(s, 500)}`);
		const headers = fc.record({ cookie: fc.option(voter), 'content-type': fc.option(fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded')) }).map((h) =>
			Object.fromEntries(Object.entries(h).filter(([, v]) => v !== null))
		);
		const id = fc.oneof(fc.integer({ min: 0, max: 999_999_999 }).map(String), pick(() => ids), segment);
		await fuzz(
			'vote API',
			800,
			fc.tuple(id, hostile, headers).map(([i, body, h]) => ({ path: `/api/reports/${i}/votes`, init: { method: 'POST', body, headers: { ...h, origin: app.base } } }))
		);
		await fuzz(
			'vote action',
			500,
			fc.tuple(ref, fc.boolean(), formBody({ x: hostile })).map(([r, script, body]) => ({ path: `/reports/${r}?/vote`, init: { method: 'POST', body, headers: script ? SCRIPT(app.base) : PLAIN(app.base) } }))
		);
	}, 120_000);

	it('the map’s list and nearby reports', async () => {
		const mapParams = ['type', 'category', 'status', 'district', 'period', 'open', 'bbox', 'near', 'sort', 'page', 'lang'];
		await fuzz('map /', 500, query(mapParams).map((q) => ({ path: withQuery('/', q) })));
		await fuzz(
			'nearby API',
			500,
			fc
				.tuple(fc.record({ lng, lat, category }), query(['lng', 'lat', 'category']), fc.boolean())
				.map(([point, extra, both]) => ({ path: withQuery('/api/reports/nearby', both ? `${new URLSearchParams(point)}&${extra}` : extra) }))
		);
	}, 120_000);

	it('tiles with filters', async () => {
		const anyTile = fc.tuple(fc.oneof(fc.integer({ min: 0, max: 30 }).map(String), segment), ...[0, 1].map(() => fc.oneof(fc.integer({ min: 0, max: 2 ** 31 }).map(String), segment)));
		const realTile = fc.integer({ min: 0, max: 18 }).chain((z) => fc.tuple(fc.constant(String(z)), ...[0, 1].map(() => fc.integer({ min: 0, max: 2 ** z - 1 }).map(String))));
		await fuzz(
			'tiles',
			800,
			fc.tuple(fc.oneof(realTile, anyTile), query(['type', 'category', 'status', 'district', 'period', 'open', 'v'])).map(([[z, x, y], q]) => ({ path: withQuery(`/tiles/${z}/${x}/${y}`, q) }))
		);
	}, 120_000);

	it('exports and feeds with filters', async () => {
		const exportParams = ['type', 'category', 'status', 'district', 'period', 'open', 'from', 'to', 'bbox'];
		await fuzz('exports', 600, fc.tuple(fc.constantFrom('csv', 'geojson'), query(exportParams)).map(([f, q]) => ({ path: withQuery(`/data/reports.${f}`, q) })));
		await fuzz('feeds', 600, fc.tuple(fc.constantFrom('atom', 'rss'), query(FEED_PARAMS)).map(([f, q]) => ({ path: withQuery(`/feeds/reports.${f}`, q) })));
	}, 120_000);

	it('statistics, chart tables and district pages with filters', async () => {
		const statsParams = ['from', 'to', 'district', 'category', 'type'];
		const chart = fc.oneof(fc.constantFrom(...CHART_IDS), segment);
		const district = fc.oneof(fc.integer({ min: 0, max: 120 }).map(String), segment);
		await fuzz('stats', 400, query(statsParams).map((q) => ({ path: withQuery('/stats', q) })));
		await fuzz('stats CSV', 400, fc.tuple(chart, query(statsParams)).map(([c, q]) => ({ path: withQuery(`/stats/${c}.csv`, q) })));
		await fuzz('district pages', 400, fc.tuple(district, query(statsParams)).map(([d, q]) => ({ path: withQuery(`/districts/${d}`, q) })));
	}, 150_000);

	it('Open311: reading requests and services, filing requests with and without a key', async () => {
		const format = fc.constantFrom('json', 'xml', 'html', 'JSON');
		const readParams = ['service_code', 'start_date', 'end_date', 'status', 'page', 'page_size'];
		const date = fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.constantFrom('2026-03-31T23:30:00+02:00', '2026-03-31T23:30:00 02:00', '2026-02-30T00:00:00Z', '9999-12-31T23:59:59Z', '0000-01-01T00:00:00Z'), hostile);
		await fuzz(
			'Open311 requests (GET)',
			600,
			fc.tuple(format, query(readParams), fc.record({ start_date: fc.option(date), end_date: fc.option(date) })).map(([f, q, dates]) => {
				const given = Object.entries(dates).filter((e): e is [string, string] => e[1] !== null);
				return { path: withQuery(`/open311/v2/requests.${f}`, [new URLSearchParams(given).toString(), q].filter(Boolean).join('&')) };
			})
		);
		await fuzz('Open311 request by id', 300, fc.tuple(ref, format).map(([r, f]) => ({ path: `/open311/v2/requests/${r}.${f}` })));
		await fuzz('Open311 service by code', 200, fc.tuple(fc.oneof(category.map((c) => encoded(c, 200)), segment), format).map(([c, f]) => ({ path: `/open311/v2/services/${c}.${f}` })));
		const fields = {
			api_key: fc.oneof({ weight: 4, arbitrary: fc.constant('') }, hostile).map((k) => k || apiKey),
			service_code: mostly(pick(() => categories)),
			lat: fc.oneof(inside.lat, lat),
			long: fc.oneof(inside.lng, lng),
			description: fc.oneof(savableTitle, hostile),
			title: fc.oneof(savableTitle, hostile),
			address_string: hostile,
			email: mostly(email),
			phone: mostly(fc.constant('+48 12 616 55 55')),
			channel: mostly(fc.constantFrom('online', 'phone', 'app')),
			media_url: fc.oneof({ weight: 4, arbitrary: fc.constant('') }, hostile)
		};
		await fuzz(
			'Open311 requests (POST)',
			800,
			fc.tuple(fc.constantFrom('json', 'xml'), formBody(fields)).map(([f, body]) => ({ path: `/open311/v2/requests.${f}`, init: { method: 'POST', body } }))
		);
	}, 150_000);

	it('alerts: sign-up and random confirm and unsubscribe links', async () => {
		const scope = fc.oneof(fc.constantFrom('district=1', 'district=18', 'category=pothole', 'lng=19.94&lat=50.06&radius=500'), pick(() => refs).map((r) => `report=${r}`), query(FEED_PARAMS), hostile);
		await fuzz(
			'alert sign-up',
			500,
			fc.tuple(formBody({ email: mostly(email), scope }), fc.boolean()).map(([body, script]) => ({ path: '/alerts', init: { method: 'POST', body, headers: script ? SCRIPT(app.base) : PLAIN(app.base) } }))
		);
		await fuzz('alert page', 200, fc.oneof(query(FEED_PARAMS), hostile.map((s) => encoded(s, 600))).map((q) => ({ path: withQuery('/alerts', q) })));
		const token = fc.oneof(fc.string({ unit: fc.constantFrom(...'ABCxyz019_-'), minLength: 32, maxLength: 32 }), segment);
		await fuzz(
			'alert links',
			600,
			fc.tuple(fc.constantFrom('confirm', 'unsubscribe'), token, fc.option(formBody({ resubscribe: fc.oneof(fc.constant('1'), hostile) }))).map(([kind, t, body]) =>
				body ? { path: `/alerts/${kind}/${t}`, init: { method: 'POST', body } } : { path: `/alerts/${kind}/${t}` }
			)
		);
	}, 120_000);

	it('the staff login', async () => {
		const next = fc.oneof(fc.constantFrom('/staff/triage', '//evil.example', 'https://evil.example', '/staff\\..\\x'), hostile);
		await fuzz(
			'staff login',
			250,
			fc
				.tuple(formBody({ email: mostly(email), password: hostile }), fc.boolean(), fc.option(next))
				.map(([body, script, n]) => ({ path: withQuery('/staff/login', n === null ? '' : `next=${encoded(n, 600)}`), init: { method: 'POST', body, headers: script ? SCRIPT(app.base) : PLAIN(app.base) } }))
		);
	}, 120_000);

	it('malformed bodies and wrong content types on every form', async () => {
		const target = fc.constantFrom('/report', '/alerts', '/staff/login', '/open311/v2/requests.json', '/open311/v2/requests.xml', '/alerts/unsubscribe/ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef');
		const boundary = 'XyZ';
		const part = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
		const body = fc.oneof(
			fc.constant(`${part('title', 'bez końca')}`),
			fc.constant(`--${boundary}\r\nContent-Disposition: form-data\r\n\r\nbez nazwy\r\n--${boundary}--\r\n`),
			fc.constant(`--inna\r\n${part('title', 'x')}--inna--`),
			fc.constant(`${part('photos"; filename="a.jpg', '\xff\xd8\xff')}--${boundary}--\r\n`),
			fc.constant(`--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n${'x'.repeat(20_000)}\r\n--${boundary}--`),
			fc.constant(`--${boundary}--\r\n`),
			fc.constant(''),
			hostile.map((s) => `${part('title', s)}--${boundary}--\r\n`),
			hostile
		);
		const contentType = fc.constantFrom(
			`multipart/form-data; boundary=${boundary}`,
			'multipart/form-data',
			'multipart/form-data; boundary=',
			`multipart/form-data; boundary="${boundary}"; charset=utf-16`,
			'application/x-www-form-urlencoded; charset=latin1',
			'application/x-www-form-urlencoded',
			'application/json',
			'text/plain',
			'application/xml',
			'application/octet-stream',
			'image/jpeg'
		);
		await fuzz(
			'malformed bodies',
			500,
			fc.tuple(target, body, contentType, fc.boolean()).map(([path, b, type, script]) => ({
				path,
				init: { method: 'POST', body: b, headers: { ...(script ? SCRIPT(app.base) : PLAIN(app.base)), 'content-type': type } }
			}))
		);
	}, 120_000);

	it('answers a body over BODY_SIZE_LIMIT with 413, whether its length is declared or streamed', async () => {
		const huge = new Uint8Array(33 * 1024 * 1024);
		for (const path of ['/report', '/open311/v2/requests.json', '/alerts']) {
			const declared = new FormData();
			declared.append('photos', new File([huge], 'a.jpg', { type: 'image/jpeg' }));
			const streamed = new ReadableStream({
				start(controller) {
					controller.enqueue(new TextEncoder().encode('title='));
					controller.enqueue(huge);
					controller.close();
				}
			});
			for (const body of [declared, streamed]) {
				const headers = { ...SCRIPT(app.base), ...(body === streamed ? { 'content-type': 'application/x-www-form-urlencoded' } : {}), 'x-forwarded-for': nextAddress() };
				const answer = await app.ask(path, { method: 'POST', body, headers, duplex: 'half' } as RequestInit, HANG_MS);
				count('over the body limit', answer.status);
				expect(answer.status, `${path} ${body === streamed ? 'streamed' : 'declared'}: ${answer.body.slice(0, 300)}`).toBe(413);
			}
		}
	}, 120_000);
});

describe('after the run', () => {
	/** `<script` tag openings outside attribute values: where a script from the data would run. */
	const scriptTags = (html: string) => {
		let count = 0;
		let quote: string | null = null;
		let inTag = false;
		for (let i = 0; i < html.length; i++) {
			const c = html[i];
			if (!inTag) {
				if (c === '<') {
					inTag = true;
					if (html.startsWith('<script', i)) count++;
				}
			} else if (quote) {
				if (c === quote) quote = null;
			} else if (c === '"' || c === "'") quote = c;
			else if (c === '>') inTag = false;
		}
		return count;
	};

	it('shows every saved report with a script in it escaped, on its page, in the feeds and in Open311 XML', async () => {
		const hostileReports = await sql<{ ref: string; title: string; description: string }[]>`
			SELECT public_ref AS ref, title, description FROM reports WHERE title ILIKE '%<script%' OR description ILIKE '%<script%' ORDER BY id LIMIT 20`;
		expect(hostileReports.length, 'the fuzzing saved no report with a script: the check below checks nothing').toBeGreaterThan(0);
		const plainPage = (await app.ask(`/reports/${refs[0]}`)).body;
		for (const report of hostileReports) {
			const page = await app.ask(`/reports/${report.ref}`);
			expect(page.status).toBe(200);
			expect(scriptTags(page.body), report.ref).toBe(scriptTags(plainPage));
			for (const xml of [`/feeds/reports.atom?report=${report.ref}`, `/feeds/reports.rss?report=${report.ref}`, `/open311/v2/requests/${report.ref}.xml`]) {
				const answer = await app.ask(xml);
				expect(answer.status, xml).toBe(200);
				expect(XMLValidator.validate(answer.body), xml).toBe(true);
				expect(answer.body, xml).not.toContain('<script');
			}
		}
	});

	it('left nothing half-written: each report has its first status, no contact or photo without its report, no file without its row', async () => {
		const [orphans] = await sql<{ noStatus: number; contacts: number; photos: number }[]>`SELECT
			(SELECT count(*) FROM reports r WHERE NOT EXISTS (SELECT 1 FROM status_changes s WHERE s.report_id = r.id AND s.from_status IS NULL))::int AS "noStatus",
			(SELECT count(*) FROM reporter_contacts c WHERE NOT EXISTS (SELECT 1 FROM reports r WHERE r.id = c.report_id))::int AS contacts,
			(SELECT count(*) FROM photos p WHERE NOT EXISTS (SELECT 1 FROM reports r WHERE r.id = p.report_id))::int AS photos`;
		expect(orphans).toEqual({ noStatus: 0, contacts: 0, photos: 0 });
		const rows = (await sql<{ name: string }[]>`SELECT file_name AS name FROM photos`).flatMap(({ name }) => [name, name.replace(/\.webp$/, '.thumb.webp')]);
		let files: string[] = [];
		try {
			files = readdirSync(path.join(uploadsDir, 'photos'));
		} catch {
			// No photo was ever saved: no folder.
		}
		expect(files.sort()).toEqual(rows.sort());
		expect(rows.length, 'the fuzzing saved no photo: the comparison above compares nothing').toBeGreaterThan(0);
	});
});

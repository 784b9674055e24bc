import { sql } from 'drizzle-orm';
import type { RequestEvent } from '@sveltejs/kit';
import { rowsOf, type Database } from './db/connect.ts';
import { InputError } from './errors.ts';
import { config } from './config.ts';
import type { MessageKey } from '../i18n/index.ts';

interface Rule {
	limit: number;
	windowSeconds: number;
	/** What the person is told (an i18n key). */
	message: MessageKey;
}

/** What one client may do, site-wide (every app process counts together). */
export const RATE_LIMITS = {
	/** Twenty "me too" a quarter of an hour from one address: plenty for a household, little for a script. */
	votesPerAddress: { limit: 20, windowSeconds: 15 * 60, message: 'errors.vote_rate_limited' },
	/** One address (a household, an office behind one router) adds at most five votes to one report a day. */
	votesPerAddressAndReport: { limit: 5, windowSeconds: 24 * 3600, message: 'errors.vote_rate_limited_report' },
	/** A busy resident files a few reports an hour; a script files hundreds. */
	reportsPerAddress: { limit: 10, windowSeconds: 3600, message: 'errors.report_rate_limited' },
	/** An application filing for many residents. */
	reportsPerApiKey: { limit: 600, windowSeconds: 3600, message: 'errors.report_rate_limited' },
	alertSignUpsPerAddress: { limit: 10, windowSeconds: 3600, message: 'errors.alert_rate' },
	/** Sign-ups in someone's name cannot flood their mailbox. */
	alertConfirmationsPerEmail: { limit: 3, windowSeconds: 3600, message: 'errors.alert_rate' }
} as const satisfies Record<string, Rule>;

export type RateLimitRule = keyof typeof RATE_LIMITS;

/**
 * Counts one attempt under `rule` for `key` in the current fixed window, atomically (one upsert, so
 * two processes cannot both take the last one). Returns null when allowed, else the seconds until
 * the window ends. Windows from earlier days are deleted now and then.
 */
export async function takeRateLimit(database: Database, rule: RateLimitRule, key: string, factor = config().rateLimitFactor): Promise<number | null> {
	const { windowSeconds } = RATE_LIMITS[rule];
	const limit = RATE_LIMITS[rule].limit * factor;
	const [row] = await rowsOf<{ hits: number; wait: number }>(
		database.db,
		sql`INSERT INTO rate_limit_windows AS w (rule, key, window_start, hits)
			VALUES (${rule}, ${key}, date_bin(make_interval(secs => ${windowSeconds}), now(), timestamptz '2000-01-01'), 1)
			ON CONFLICT (rule, key, window_start) DO UPDATE SET hits = w.hits + 1
			RETURNING hits, ceil(extract(epoch FROM window_start + make_interval(secs => ${windowSeconds}) - now()))::int AS wait`
	);
	if (Math.random() < 0.01) await database.db.execute(sql`DELETE FROM rate_limit_windows WHERE window_start < now() - interval '2 days'`);
	return row.hits > limit ? Math.max(1, row.wait) : null;
}

/** Refuses the request with 429, a `Retry-After` and the rule's message, when `key` is over `rule`'s limit. */
export async function enforceRateLimit(event: Pick<RequestEvent, 'setHeaders'>, database: Database, rule: RateLimitRule, key: string): Promise<void> {
	const wait = await takeRateLimit(database, rule, key);
	if (wait === null) return;
	event.setHeaders({ 'retry-after': String(wait) });
	throw new InputError(RATE_LIMITS[rule].message, { status: 429, field: 'form' });
}

/**
 * The key a client's address is limited by: an IPv4 address as is, an IPv6 address by its /64 (one
 * household or host gets a whole /64, so its single addresses would be limitless).
 */
export function addressKey(address: string): string {
	const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
	if (mapped) return mapped[1];
	if (!address.includes(':')) return address;
	const [head, tail = ''] = address.toLowerCase().split('%')[0].split('::');
	const left = head ? head.split(':') : [];
	const right = tail ? tail.split(':') : [];
	const groups = address.includes('::') ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right] : left;
	return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

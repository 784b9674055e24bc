import type { Cookies, RequestEvent } from '@sveltejs/kit';
import { config } from './config.ts';
import type { Database } from './db/connect.ts';
import { addressKey, enforceRateLimit } from './rate-limits.ts';
import { issueVoterId, loadOrCreateSecret, verifyVoterCookie } from './votes/voter-id.ts';

const VOTER_COOKIE = 'voter';
const YEAR = 60 * 60 * 24 * 365;

let secret: Promise<string> | undefined;
const signingSecret = () => (secret ??= loadOrCreateSecret(config().dataDir));

/**
 * Refuses a "me too" with 429 when its address has voted too often, site-wide or on this report: a
 * client that drops its cookie gets a new voter id each time, but not a new address.
 */
export async function limitVotes(event: Pick<RequestEvent, 'setHeaders' | 'getClientAddress'>, database: Database, reportId: number): Promise<void> {
	const address = addressKey(event.getClientAddress());
	await enforceRateLimit(event, database, 'votesPerAddress', address);
	await enforceRateLimit(event, database, 'votesPerAddressAndReport', `${address} ${reportId}`);
}

/** The anonymous voter behind a request: from the signed cookie, or a new one set now. */
export async function voterFor(cookies: Cookies): Promise<string> {
	const key = await signingSecret();
	const known = verifyVoterCookie(cookies.get(VOTER_COOKIE), key);
	if (known) return known;
	const cookie = issueVoterId(key);
	cookies.set(VOTER_COOKIE, cookie, { path: '/', httpOnly: true, sameSite: 'lax', maxAge: YEAR });
	return verifyVoterCookie(cookie, key)!;
}

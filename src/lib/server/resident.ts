import type { Cookies } from '@sveltejs/kit';
import { config } from './config.ts';
import { InputError } from './errors.ts';
import { createRateLimiter } from './votes/rate-limit.ts';
import { issueVoterId, loadOrCreateSecret, verifyVoterCookie } from './votes/voter-id.ts';

const VOTER_COOKIE = 'voter';
const YEAR = 60 * 60 * 24 * 365;

let secret: Promise<string> | undefined;
const signingSecret = () => (secret ??= loadOrCreateSecret(config().dataDir));

/** Twenty "me too" a quarter of an hour from one address: plenty for a household, little for a script. */
const votesPerAddress = createRateLimiter({ limit: 20, windowMs: 15 * 60 * 1000 });

/**
 * The anonymous voter behind a request: from the signed cookie, or a new one set now. Throws a 429
 * InputError when the address has voted too often.
 */
export async function voterFor(cookies: Cookies, address: string): Promise<string> {
	if (!votesPerAddress.take(address)) throw new InputError('errors.vote_rate_limited', { status: 429 });
	const key = await signingSecret();
	const known = verifyVoterCookie(cookies.get(VOTER_COOKIE), key);
	if (known) return known;
	const cookie = issueVoterId(key);
	cookies.set(VOTER_COOKIE, cookie, { path: '/', httpOnly: true, sameSite: 'lax', maxAge: YEAR });
	return verifyVoterCookie(cookie, key)!;
}

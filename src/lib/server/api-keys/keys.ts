import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { rowsOf, type Database } from '../db/connect.ts';

/** `kck_` and 192 random bits in base64url: tells a key apart from other secrets at a glance, and cannot be guessed. */
const KEY_PATTERN = /^kck_[A-Za-z0-9_-]{32}$/;
/** How much of a key is kept in clear to tell keys apart: `kck_` and 4 characters, far too little to guess the rest. */
const PREFIX_LENGTH = 8;

export interface ApiKey {
	id: number;
	name: string;
	prefix: string;
	createdAt: string;
	lastUsedAt: string | null;
	revokedAt: string | null;
}

/** SHA-256 suffices (no slow hash needed): a key is 192 random bits, not a password a person chose. */
const hashOf = (key: string) => createHash('sha256').update(key).digest('hex');

/** Makes a key for `name`; the key is returned this once and only its hash is stored. */
export async function createApiKey(database: Database, name: string): Promise<{ id: number; key: string }> {
	const holder = name.trim();
	if (!holder || holder.length > 100) throw new Error('A key needs the name of who holds it (1–100 characters).');
	const key = `kck_${randomBytes(24).toString('base64url')}`;
	const [row] = await rowsOf<{ id: number }>(
		database.db,
		sql`INSERT INTO api_keys (name, prefix, hash) VALUES (${holder}, ${key.slice(0, PREFIX_LENGTH)}, ${hashOf(key)}) RETURNING id`
	);
	return { id: row.id, key };
}

/** The key's id when `presented` is a key in use (not revoked), noting when it was last used; otherwise null. */
export async function apiKeyInUse(database: Database, presented: string | null | undefined): Promise<{ id: number; name: string } | null> {
	if (!presented || !KEY_PATTERN.test(presented)) return null;
	const [row] = await rowsOf<{ id: number; name: string }>(
		database.db,
		sql`UPDATE api_keys SET last_used_at = now() WHERE hash = ${hashOf(presented)} AND revoked_at IS NULL RETURNING id, name`
	);
	return row ?? null;
}

/** Every key, newest first, without hashes. */
export async function listApiKeys(database: Database): Promise<ApiKey[]> {
	return rowsOf<ApiKey>(
		database.db,
		sql`SELECT id, name, prefix, created_at::text AS "createdAt", last_used_at::text AS "lastUsedAt", revoked_at::text AS "revokedAt"
			FROM api_keys ORDER BY id DESC`
	);
}

/** Revokes a key at once; false when there is no such key in use. */
export async function revokeApiKey(database: Database, id: number): Promise<boolean> {
	const rows = await rowsOf<{ id: number }>(database.db, sql`UPDATE api_keys SET revoked_at = now() WHERE id = ${id} AND revoked_at IS NULL RETURNING id`);
	return rows.length === 1;
}

/**
 * Keys for applications that file reports through Open311 (`POST /open311/v2/requests`), in the
 * configured database (DATABASE_URL, or PGlite under DATA_DIR while the app is stopped):
 *   npm run api-keys -- create "Name of the holder"   prints the new key, once
 *   npm run api-keys -- list
 *   npm run api-keys -- revoke ID
 */
import { readConfig } from '../config.ts';
import { connect } from '../db/connect.ts';
import { migrate } from '../db/migrate.ts';
import { createApiKey, listApiKeys, revokeApiKey } from '../api-keys/keys.ts';

const USAGE = 'Usage: npm run api-keys -- create "Name of the holder" | list | revoke ID';
const [command, argument] = process.argv.slice(2);

const config = readConfig();
try {
	const database = await connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
	try {
		await migrate(database);
		await run(database);
	} finally {
		await database.close();
	}
} catch (e) {
	console.error((e as Error).message);
	process.exitCode = 1;
}

async function run(database: Awaited<ReturnType<typeof connect>>): Promise<void> {
	if (command === 'create' && argument) {
		const { id, key } = await createApiKey(database, argument);
		console.log(`Key ${id} for "${argument.trim()}" (shown only now; only its hash is stored):\n${key}`);
	} else if (command === 'list' && !argument) {
		const keys = await listApiKeys(database);
		if (!keys.length) console.log('No keys yet.');
		for (const k of keys) {
			const state = k.revokedAt ? `revoked ${k.revokedAt}` : `last used ${k.lastUsedAt ?? 'never'}`;
			console.log(`${k.id}\t${k.prefix}…\t${k.name}\tcreated ${k.createdAt}\t${state}`);
		}
	} else if (command === 'revoke' && /^\d+$/.test(argument ?? '')) {
		if (!(await revokeApiKey(database, Number(argument)))) throw new Error(`No key ${argument} in use.`);
		console.log(`Key ${argument} is revoked; requests with it are refused from now on.`);
	} else {
		throw new Error(USAGE);
	}
}

/**
 * Sets the configured database up without serving: migrations, catalog, district boundaries and,
 * when it has no reports, the demo data. `npm run db:setup`; the app does the same at start.
 */
import { config } from '../config.ts';
import { connect } from '../db/connect.ts';
import { setUp } from '../setup.ts';
import { InputError } from '../errors.ts';

const settings = config();
const database = await connect({ databaseUrl: settings.databaseUrl, dataDir: settings.dataDir });
try {
	await setUp(database, settings);
	console.log(`${database.kind === 'pglite' ? `PGlite in ${settings.dataDir}` : 'PostgreSQL'} is set up.`);
} catch (e) {
	if (!(e instanceof InputError)) throw e;
	console.error(e.message);
	process.exitCode = 1;
} finally {
	await database.close();
}

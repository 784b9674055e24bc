import { config as appConfig } from '../config.ts';
import { connect, type Database } from './connect.ts';
import { setUp } from '../setup.ts';

let ready: Promise<Database> | undefined;

/** The app's database, set up on first use (migrated, districts imported, demo data if empty). */
export function database(): Promise<Database> {
	ready ??= (async () => {
		const config = appConfig();
		const started = Date.now();
		const db = await connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
		await setUp(db, config);
		console.log(`database ready (${db.kind}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
		return db;
	})();
	return ready;
}

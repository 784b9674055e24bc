import path from 'node:path';

/** Every setting the server reads, from the environment, in one place (see the README's table). */
export interface Config {
	/** postgres://… for a PostgreSQL + PostGIS server; unset means embedded PGlite. */
	databaseUrl: string | undefined;
	/** Folder for PGlite's data and the uploaded photos. */
	dataDir: string;
	/** GeoJSON file path or http(s) URL with the district boundaries, imported at set-up. */
	districtsSource: string;
	/** How many generated demo reports to add when the database has none (0: none). */
	demoReports: number;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
	const dataDir = path.resolve(env.DATA_DIR ?? 'data');
	const demoReports = Number(env.DEMO_REPORTS ?? 12000);
	if (!Number.isInteger(demoReports) || demoReports < 0) {
		throw new Error(`DEMO_REPORTS must be a whole number ≥ 0, got "${env.DEMO_REPORTS}"`);
	}
	return {
		databaseUrl: env.DATABASE_URL || undefined,
		dataDir,
		districtsSource: env.DISTRICTS_GEOJSON ?? path.resolve('../shared/data/krakow-districts.geojson'),
		demoReports
	};
}

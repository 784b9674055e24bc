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
	/** Where uploaded photos are kept. */
	uploadsDir: string;
	/** A MapLibre style for the base map; empty for none. The map falls back to a plain background when it cannot load. */
	mapStyleUrl: string;
	/** Days after which an open report counts as overdue on district pages. */
	overdueDays: number;
	/** smtp(s)://user:password@host:port for e-mail; unset: messages stay in the outbox table (alert_messages). */
	smtpUrl: string | undefined;
	/** The sender of e-mails. */
	mailFrom: string;
	/** The site's public address, for links in e-mails sent by commands (the app itself knows it from the request). */
	origin: string;
	/** Multiplies every rate limit (server/rate-limits.ts): tests and load runs from one address raise them. */
	rateLimitFactor: number;
}

/** OpenFreeMap's public OpenStreetMap style: free, no key, attribution included in the style. */
export const DEFAULT_MAP_STYLE = 'https://tiles.openfreemap.org/styles/liberty';

/** Kraków's 18 districts (OpenStreetMap, ODbL), kept in the repository and published as a download from static/. */
export const DEFAULT_DISTRICTS_FILE = path.resolve('static/data/krakow-districts.geojson');

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
	const dataDir = path.resolve(env.DATA_DIR ?? 'data');
	const demoReports = Number(env.DEMO_REPORTS ?? 12000);
	if (!Number.isInteger(demoReports) || demoReports < 0) {
		throw new Error(`DEMO_REPORTS must be a whole number ≥ 0, got "${env.DEMO_REPORTS}"`);
	}
	const overdueDays = Number(env.OVERDUE_DAYS ?? 30);
	if (!Number.isInteger(overdueDays) || overdueDays < 1) {
		throw new Error(`OVERDUE_DAYS must be a whole number ≥ 1, got "${env.OVERDUE_DAYS}"`);
	}
	const rateLimitFactor = Number(env.RATE_LIMIT_FACTOR ?? 1);
	if (!Number.isInteger(rateLimitFactor) || rateLimitFactor < 1) {
		throw new Error(`RATE_LIMIT_FACTOR must be a whole number ≥ 1, got "${env.RATE_LIMIT_FACTOR}"`);
	}
	return {
		databaseUrl: env.DATABASE_URL || undefined,
		dataDir,
		districtsSource: env.DISTRICTS_GEOJSON || DEFAULT_DISTRICTS_FILE,
		demoReports,
		uploadsDir: path.resolve(env.UPLOADS_DIR ?? path.join(dataDir, 'uploads')),
		mapStyleUrl: env.MAP_STYLE_URL ?? DEFAULT_MAP_STYLE,
		overdueDays,
		smtpUrl: env.SMTP_URL || undefined,
		mailFrom: env.MAIL_FROM || 'Mapa KCK <powiadomienia@localhost>',
		// adapter-node's own setting, so the app and its commands write the same links.
		origin: (env.ORIGIN || `http://localhost:${env.PORT || 3000}`).replace(/\/+$/, ''),
		rateLimitFactor
	};
}

let current: Config | undefined;

/** The running app's configuration, read once. */
export function config(): Config {
	current ??= readConfig();
	return current;
}

import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

export const ROOT = path.resolve(import.meta.dirname, '../..');
const CLUSTER = path.join(ROOT, 'tests/support/postgis-cluster.sh');
const run = promisify(execFile);

/** tests/support/postgis-cluster.sh: start DIR prints the new cluster's URL. */
export const cluster = (...args: string[]) => run('bash', [CLUSTER, ...args]);

/** `npm run api-keys -- …` as an operator runs it, against `databaseUrl`. */
export const apiKeys = (databaseUrl: string, ...args: string[]) =>
	run(process.execPath, ['src/lib/server/cli/api-keys.ts', ...args], { cwd: ROOT, env: { ...process.env, DATABASE_URL: databaseUrl } });

/** Makes a new Open311 API key with the CLI; its id and the key itself. */
export async function createApiKey(databaseUrl: string, holder: string): Promise<{ id: string; key: string }> {
	const { stdout } = await apiKeys(databaseUrl, 'create', holder);
	const [, id, key] = /^Key (\d+) .*\n(kck_\S+)$/m.exec(stdout) ?? [];
	if (!key) throw new Error(`No key in: ${stdout}`);
	return { id, key };
}

export interface Answer {
	url: string;
	status: number; // 0: no HTTP answer at all (the process is gone, or no answer within the time limit)
	ms: number;
	contentType: string;
	retryAfter: string | null;
	body: string;
}

/** The production build (`node build`) running against `databaseUrl`, with its own data folder. */
export interface BuiltApp {
	base: string;
	server: ChildProcess;
	/** What the server printed so far. */
	log(): string;
	ask(url: string, init?: RequestInit, limitMs?: number): Promise<Answer>;
	stop(): Promise<void>;
}

export async function startBuiltApp(databaseUrl: string, env: Record<string, string> = {}): Promise<BuiltApp> {
	if (!existsSync(path.join(ROOT, 'build/index.js'))) throw new Error('No production build: run `npm run build` first.');
	const dataDir = mkdtempSync(path.join(tmpdir(), 'kck-map-app.'));
	// A caller may pin the port (the benchmarks keep to theirs); it must be free, or another server would answer.
	const port = String(await freePort(Number(env.PORT ?? 0)));
	const base = `http://127.0.0.1:${port}`;
	const server = spawn(process.execPath, ['build'], {
		cwd: ROOT,
		env: { ...process.env, DATABASE_URL: databaseUrl, PORT: port, HOST: '127.0.0.1', ORIGIN: base, DATA_DIR: dataDir, DEMO_REPORTS: '300', MAP_STYLE_URL: '', RATE_LIMIT_FACTOR: '100', ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let log = '';
	server.stdout!.on('data', (d) => (log += d));
	server.stderr!.on('data', (d) => (log += d));

	async function ask(url: string, init: RequestInit = {}, limitMs = 10_000): Promise<Answer> {
		const started = performance.now();
		try {
			const response = await fetch(base + url, { ...init, redirect: 'manual', signal: AbortSignal.timeout(limitMs) });
			const body = await response.text();
			const contentType = response.headers.get('content-type') ?? '';
			return { url, status: response.status, ms: performance.now() - started, contentType, retryAfter: response.headers.get('retry-after'), body };
		} catch (e) {
			return { url, status: 0, ms: performance.now() - started, contentType: '', retryAfter: null, body: String(e) };
		}
	}

	const app: BuiltApp = {
		base,
		server,
		log: () => log,
		ask,
		async stop() {
			if (server.exitCode === null) {
				server.kill('SIGTERM');
				await new Promise((r) => server.once('exit', r));
			}
			rmSync(dataDir, { recursive: true, force: true });
		}
	};
	// Set-up (migrations, districts, demo reports) runs before the first answer.
	for (const started = performance.now(); performance.now() - started < 60_000 && server.exitCode === null; ) {
		if ((await ask('/')).status === 200) return app;
		await new Promise((r) => setTimeout(r, 250));
	}
	await app.stop();
	throw new Error(`The app did not start:\n${log.slice(-3000)}`);
}

/** Polls until every URL answers 200; how long that took, or Infinity past `limitMs`. */
export async function untilHealthy(app: BuiltApp, urls: string[], limitMs: number): Promise<number> {
	const started = performance.now();
	while (performance.now() - started < limitMs) {
		const answers = await Promise.all(urls.map((url) => app.ask(url)));
		if (answers.every((a) => a.status === 200)) return performance.now() - started;
		await new Promise((r) => setTimeout(r, 100));
	}
	return Infinity;
}

/** What the report form's answer (sent as its script sends it, `x-sveltekit-action`) says about the report. */
export function filingOutcome(answer: Pick<Answer, 'status' | 'body'>): 'saved' | 'not_saved' | 'unknown' {
	if (answer.status === 200 && answer.body.includes('"type":"redirect"')) return 'saved';
	if (answer.body.includes('Nie udało się zapisać zgłoszenia')) return 'not_saved';
	return 'unknown';
}

/** `wanted` if it is free (else an EADDRINUSE error), or any free port for 0. */
function freePort(wanted: number): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer().listen(wanted, '127.0.0.1', () => {
			const { port } = probe.address() as AddressInfo;
			probe.close(() => resolve(port));
		});
		probe.on('error', reject);
	});
}

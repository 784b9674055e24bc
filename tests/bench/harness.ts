/** What the benchmarks share: the built app on the benchmark database, a light HTTP client, timing and a printed table. */
import { spawn } from 'node:child_process';
import http from 'node:http';
import { existsSync } from 'node:fs';
import type { TileAddress } from '../../src/lib/server/map/tiles.ts';
import { tileOf } from '../support/tiles.ts';

/** The benchmark database's URL, or exit with how to set it. */
export function benchDatabaseUrl(): string {
	const url = process.env.BENCH_DATABASE_URL;
	if (!url || !/^postgres(ql)?:\/\//.test(url)) {
		console.error('BENCH_DATABASE_URL must be a postgres:// URL of a PostgreSQL + PostGIS server (filled by npm run bench:seed).');
		process.exit(2);
	}
	if (!existsSync('build/index.js')) {
		console.error('No build: run `npm run build` first.');
		process.exit(2);
	}
	return url;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

export interface Timing {
	p50: number;
	p99: number;
	bytes?: { mean: number; max: number };
}

/** Runs `once(i)` `requests` times one after another (after `warmUp` runs) and summarises the milliseconds. */
export async function time(requests: number, once: (i: number) => Promise<unknown>, warmUp = 30): Promise<Timing> {
	// Warm-up indices come after the timed ones, so a case that must miss the app's caches does not repeat them.
	for (let i = 0; i < warmUp; i++) await once(requests + i);
	const ms: number[] = [];
	const sizes: number[] = [];
	for (let i = 0; i < requests; i++) {
		const started = performance.now();
		const size = await once(i);
		ms.push(performance.now() - started);
		if (typeof size === 'number') sizes.push(size);
	}
	ms.sort((a, b) => a - b);
	const bytes = sizes.length ? { mean: Math.round(sizes.reduce((a, b) => a + b, 0) / sizes.length), max: Math.max(...sizes) } : undefined;
	return { p50: percentile(ms, 50), p99: percentile(ms, 99), bytes };
}

/** The built app (`node build`) on the benchmark database, and a node:http client for it on one kept-alive socket. */
export async function startApp(url: string, port: string) {
	const origin = `http://127.0.0.1:${port}`;
	const app = spawn(process.execPath, ['build'], {
		env: { ...process.env, DATABASE_URL: url, DEMO_REPORTS: '0', PORT: port, HOST: '127.0.0.1', ORIGIN: origin },
		stdio: ['ignore', 'pipe', 'inherit']
	});
	await new Promise<void>((resolve, reject) => {
		app.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('Listening') && resolve());
		app.on('exit', (code) => reject(new Error(`the app exited with ${code}`)));
	});
	// A lighter client than fetch, so its own work and pauses weigh less in the figures.
	const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
	const fetchBytes = (path: string, headers: Record<string, string> = {}): Promise<number> =>
		new Promise((resolve, reject) => {
			http
				.get(origin + path, { agent, headers }, (response) => {
					let bytes = 0;
					response.on('data', (chunk: Buffer) => (bytes += chunk.length));
					response.on('end', () => (response.statusCode === 200 ? resolve(bytes) : reject(new Error(`${path}: HTTP ${response.statusCode}`))));
				})
				.on('error', reject);
		});
	return {
		origin,
		pid: app.pid!,
		fetchBytes,
		stop: () => {
			agent.destroy();
			app.kill();
		}
	};
}

/** Prints rows as aligned columns, the first row being the header. */
export function printTable(rows: string[][]): void {
	const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
	for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i])).join('  '));
}

export const ms = (n: number) => `${n.toFixed(2)} ms`;

/** A process's resident memory in MB, from /proc (Linux). */
export async function rssMb(pid: number): Promise<number> {
	const { readFile } = await import('node:fs/promises');
	const kb = Number((await readFile(`/proc/${pid}/status`, 'utf8')).match(/VmRSS:\s+(\d+)/)?.[1] ?? 0);
	return kb / 1024;
}

const RYNEK = { lng: 19.9372, lat: 50.0614 };

/** The tile under the Rynek and, above zoom 10, its eight neighbours: central Kraków. */
export function centralTiles(z: number): TileAddress[] {
	const centre = tileOf(RYNEK.lng, RYNEK.lat, z);
	const reach = z <= 10 ? 0 : 1;
	const tiles: TileAddress[] = [];
	for (let dx = -reach; dx <= reach; dx++) for (let dy = -reach; dy <= reach; dy++) tiles.push({ z, x: centre.x + dx, y: centre.y + dy });
	return tiles;
}

/** A seeded scatter of points over central Kraków (mulberry32), the same every run. */
export function centralPoints(count: number): { lng: number; lat: number }[] {
	let state = 42;
	const random = () => {
		state = (state + 0x6d2b79f5) | 0;
		let t = Math.imul(state ^ (state >>> 15), 1 | state);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	return Array.from({ length: count }, () => ({ lng: 19.90 + random() * 0.08, lat: 50.04 + random() * 0.04 }));
}

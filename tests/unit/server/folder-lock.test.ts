import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lockDataFolder } from '../../../src/lib/server/db/folder-lock.ts';

let folder: string;
beforeEach(() => (folder = mkdtempSync(path.join(tmpdir(), 'kck-lock-'))));
afterEach(() => rmSync(folder, { recursive: true, force: true }));
const lockFile = () => path.join(folder, 'in-use.pid');

describe('the embedded database folder lock', () => {
	it('refuses a second opening, in this process or while another process holds it', () => {
		const unlock = lockDataFolder(folder);
		expect(readFileSync(lockFile(), 'utf8')).toBe(String(process.pid));
		expect(() => lockDataFolder(folder)).toThrow(/in use by process \d+.*DATABASE_URL/);
		unlock();
		expect(existsSync(lockFile())).toBe(false);

		writeFileSync(lockFile(), String(process.ppid)); // the test runner's parent: alive
		expect(() => lockDataFolder(folder)).toThrow(`in use by process ${process.ppid}`);
	});

	it('takes over a lock left by a process that is gone, or by an earlier process with this pid', () => {
		for (const left of ['2147483646', String(process.pid), 'garbage']) {
			writeFileSync(lockFile(), left);
			const unlock = lockDataFolder(folder);
			expect(readFileSync(lockFile(), 'utf8')).toBe(String(process.pid));
			unlock();
		}
	});
});

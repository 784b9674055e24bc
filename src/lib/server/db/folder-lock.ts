import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * PGlite runs inside one process and nothing stops a second one from opening the same folder,
 * which corrupts it: the app and a command (`npm run api-keys`, `npm run alerts:send`) take this
 * lock first, so the second one is refused with a clear message instead.
 */
export function lockDataFolder(folder: string): () => void {
	const file = path.join(folder, 'in-use.pid');
	if (heldHere.has(file)) throw inUse(folder, process.pid);
	try {
		writeFileSync(file, String(process.pid), { flag: 'wx' });
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
		const holder = Number(readFileSync(file, 'utf8'));
		if (isRunning(holder)) throw inUse(folder, holder);
		// Left by a process that died without closing the database (perhaps one that had this process's pid).
		writeFileSync(file, String(process.pid));
	}
	heldHere.add(file);
	return () => {
		heldHere.delete(file);
		rmSync(file, { force: true });
	};
}

/** Lock files this process holds: its own pid in a file says nothing, a container restarts with the same pid. */
const heldHere = new Set<string>();

const inUse = (folder: string, pid: number) =>
	new Error(
		`The embedded database in ${folder} is in use by process ${pid} (the app, or another command). ` +
			'Stop that process first, or set DATABASE_URL to a PostgreSQL server, which many processes can share.'
	);

function isRunning(pid: number): boolean {
	if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		// EPERM: it runs, under another user.
		return (e as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/**
 * The first admin (there is no public sign-up; admins then create every other account on /staff/admin):
 *   read -rs STAFF_PASSWORD && export STAFF_PASSWORD
 *   npm run staff:create-admin -- --email admin@example.com --name "Imię Nazwisko"
 * The password comes from STAFF_PASSWORD, never from the command line, where other users and the
 * shell's history would see it.
 */
import { parseArgs } from 'node:util';
import { readConfig } from '../config.ts';
import { connect } from '../db/connect.ts';
import { migrate } from '../db/migrate.ts';
import { createAccount } from '../staff/accounts.ts';
import { InputError } from '../errors.ts';

const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' } } });
const config = readConfig();
try {
	const password = process.env.STAFF_PASSWORD;
	if (!values.email || !values.name || !password) {
		throw new Error('Usage: STAFF_PASSWORD=… npm run staff:create-admin -- --email admin@example.com --name "Name" (type the password with `read -rs STAFF_PASSWORD && export STAFF_PASSWORD`)');
	}
	const database = await connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
	try {
		await migrate(database);
		const id = await createAccount(database, { email: values.email, name: values.name, role: 'admin', password }, { accountId: null, address: 'command line' });
		console.log(`Admin account ${id} created for ${values.email}. Log in at ${config.origin}/staff/login`);
	} finally {
		await database.close();
	}
} catch (e) {
	console.error(e instanceof InputError && e.field ? `${e.field}: ${e.message}` : (e as Error).message);
	process.exitCode = 1;
}

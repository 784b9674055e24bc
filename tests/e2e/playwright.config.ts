import { defineConfig } from '@playwright/test';
import { E2E_ADMIN } from './staff-support.ts';

// Another checkout's run can hold the default port.
const port = Number(process.env.E2E_PORT ?? 4173);

/** Browser tests against the production build on the embedded database, in Debian's chromium (never a downloaded browser). */
export default defineConfig({
	testDir: '.',
	outputDir: '../.tmp/e2e-results',
	fullyParallel: false,
	workers: 1,
	timeout: 90_000,
	expect: { timeout: 15_000 },
	reporter: [['list']],
	use: {
		baseURL: `http://127.0.0.1:${port}`,
		locale: 'pl-PL',
		launchOptions: {
			executablePath: '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--use-angle=swiftshader',
				'--enable-unsafe-swiftshader',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run'
			]
		}
	},
	webServer: {
		// A fresh data folder each run, seeded with a known number of generated reports, with the first admin made by its command.
		command: `rm -rf tests/.tmp/e2e-data && vite build && node src/lib/server/cli/create-admin.ts --email ${E2E_ADMIN.email} --name 'Admin E2E' && node build`,
		// The base map is a local address that answers 404: the tests never leave 127.0.0.1 and see the offline fallback.
		cwd: '../..',
		url: `http://127.0.0.1:${port}/`,
		timeout: 240_000,
		reuseExistingServer: false,
		stdout: 'pipe',
		env: {
			PORT: String(port),
			HOST: '127.0.0.1',
			DATA_DIR: 'tests/.tmp/e2e-data',
			DEMO_REPORTS: '1500',
			ORIGIN: `http://127.0.0.1:${port}`,
			BODY_SIZE_LIMIT: '32M',
			MAP_STYLE_URL: `http://127.0.0.1:${port}/no-such-style.json`,
			STAFF_PASSWORD: E2E_ADMIN.password,
			// Every test files reports from 127.0.0.1.
			RATE_LIMIT_FACTOR: '100'
		}
	}
});

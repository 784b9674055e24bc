import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	test: {
		projects: [
			{
				extends: true,
				test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' }
			},
			{
				extends: true,
				test: {
					name: 'db',
					include: ['tests/db/**/*.test.ts'],
					environment: 'node',
					// One database for the whole run (PGlite takes seconds to start): files run one after another and share it.
					fileParallelism: false,
					isolate: false,
					testTimeout: 60_000,
					hookTimeout: 120_000
				}
			},
			{
				extends: true,
				// The production build on a throwaway PostgreSQL cluster: needs `vite build` and PostgreSQL's binaries.
				test: { name: 'system', include: ['tests/system/**/*.test.ts'], environment: 'node', testTimeout: 60_000, hookTimeout: 120_000 }
			}
		]
	}
});

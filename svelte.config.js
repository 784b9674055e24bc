import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
export default {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter(),
		// Off here only to be done in hooks.server.ts, for every route but those a secret guards (server/csrf.ts).
		csrf: { trustedOrigins: ['*'] },
		// Server modules use explicit .ts imports so plain Node (type stripping) can run the CLI scripts too.
		typescript: {
			config: (config) => {
				config.compilerOptions.allowImportingTsExtensions = true;
			}
		}
	}
};

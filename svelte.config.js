import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
export default {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter(),
		// Off here only to be done in hooks.server.ts, for every route but those a secret guards (server/csrf.ts).
		csrf: { trustedOrigins: ['*'] },
		// Pages' policy; SvelteKit adds the nonce of its inline start-up script. hooks.server.ts adds the
		// base map's origin (MAP_STYLE_URL is read at run time) and the other security headers.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self'],
				// Svelte's style: directives and MapLibre's markers set style attributes; they cannot run script.
				'style-src-attr': ['unsafe-inline'],
				// data: for MapLibre's control icons (in its CSS); blob: for map images it decodes through an <img>.
				'img-src': ['self', 'data:', 'blob:'],
				'connect-src': ['self'],
				// MapLibre's worker is a bundled file of this site.
				'worker-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		},
		// Server modules use explicit .ts imports so plain Node (type stripping) can run the CLI scripts too.
		typescript: {
			config: (config) => {
				config.compilerOptions.allowImportingTsExtensions = true;
			}
		}
	}
};

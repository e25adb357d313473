import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ out: 'build' }),
		// Only the inspector's pages register it (src/routes/inspect/+layout.svelte): the wall and
		// the office have a network and no use for an offline copy of the app.
		serviceWorker: { register: false },
		// Kit adds a nonce (or hash) for its own inline start-up script; hooks.server.ts adds the
		// live gateway to connect-src and sets frame-ancestors per path at run time.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				// jsmpeg's MPEG-1 decoder is WebAssembly (the video tiles): this allows compiling
				// WASM only, not eval of JavaScript.
				'script-src': ['self', 'wasm-unsafe-eval'],
				// Svelte's style: attributes and transitions write inline styles.
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'worker-src': ['self', 'blob:'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		},
		typescript: {
			// The services live beside the app; one type-check covers all of them.
			config: (tsconfig) => {
				tsconfig.include.push(
					'../stream-processor/**/*.ts',
					'../video-wall/**/*.ts',
					'../clickhouse/**/*.ts',
					'../seeds/**/*.ts',
					'../scripts/**/*.ts',
					'../tests/**/*.ts',
					'../playwright.config.ts'
				);
				return tsconfig;
			}
		}
	}
};

export default config;

import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ out: 'build' }),
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

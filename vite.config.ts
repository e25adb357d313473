import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	test: {
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: [
						'src/**/*.spec.ts',
						'stream-processor/**/*.spec.ts',
						'seeds/**/*.spec.ts',
						'clickhouse/**/*.spec.ts',
						'video-wall/**/*.spec.ts',
						'scripts/**/*.spec.ts'
					],
					environment: 'node'
				}
			},
			{
				extends: true,
				test: {
					name: 'integration',
					include: ['tests/integration/**/*.test.ts'],
					environment: 'node',
					// Each file starts its own nats-server and chDB; on two cores, one at a time.
					fileParallelism: false,
					testTimeout: 120_000,
					hookTimeout: 120_000
				}
			}
		]
	}
});

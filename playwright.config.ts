import { defineConfig } from '@playwright/test';

// Browser tests run in Debian's Chromium; Playwright never downloads a browser here.
export default defineConfig({
	testDir: 'tests/browser',
	testMatch: '**/*.spec.ts',
	workers: 1,
	timeout: 120_000,
	expect: { timeout: 15_000 },
	reporter: process.env.CI ? 'list' : 'list',
	outputDir: 'test-results',
	use: {
		viewport: { width: 1920, height: 1080 },
		launchOptions: {
			executablePath: '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run'
			]
		}
	}
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSystem, type TestSystem } from '../helpers/system';

// PAYMENTS_SANDBOX=0: the sandbox provider's pages and callback are not there.
// Needs `npx vite build` first.

let sys: TestSystem;
beforeAll(async () => {
	sys = await startSystem({ webEnv: { PAYMENTS_SANDBOX: '0' } });
}, 120_000);
afterAll(async () => {
	await sys?.stop();
});

describe('sandbox payments switched off', () => {
	it('payments - /pay/sandbox/* answers 404', async () => {
		const page = await fetch(`${sys.webUrl}/pay/sandbox/0190a0b0-0000-7000-8000-000000000000`);
		expect(page.status).toBe(404);
		const notify = await fetch(`${sys.webUrl}/pay/sandbox/notify`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', origin: sys.webUrl },
			body: '{}'
		});
		expect(notify.status).toBe(404);
	});
});

import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

describe('simulator config', () => {
	it('config - defaults when nothing is set', () => {
		expect(loadConfig({})).toEqual({
			natsUrl: 'nats://127.0.0.1:4222',
			seed: 20261128,
			merchants: 2000,
			speed: 30,
			badShare: 0.08,
			timeZone: 'Asia/Shanghai',
			demoAccounts: false
		});
	});

	it('config - a bad value fails naming its variable', () => {
		expect(() => loadConfig({ SIM_SPEED: 'fast' })).toThrow(/^SIM_SPEED/);
		expect(() => loadConfig({ SIM_MERCHANTS: '1000000' })).toThrow(/^SIM_MERCHANTS/);
		expect(() => loadConfig({ SIM_BAD_SHARE: '2' })).toThrow(/^SIM_BAD_SHARE/);
		expect(() => loadConfig({ SIM_TIME_ZONE: 'Mars/Olympus' })).toThrow(/^SIM_TIME_ZONE/);
	});

	it('config - values are parsed from strings', () => {
		const c = loadConfig({ SIM_SPEED: '60', SIM_MERCHANTS: '100000', NATS_URL: 'nats://x:1' });
		expect([c.speed, c.merchants, c.natsUrl]).toEqual([60, 100000, 'nats://x:1']);
	});
});

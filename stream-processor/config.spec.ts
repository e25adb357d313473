import { describe, expect, it } from 'vitest';
import { parseConfig } from './config';

describe('processor config', () => {
	it('config - defaults for an empty environment', () => {
		expect(parseConfig({ TICKET_SECRET: 's', NODE_ENV: 'test' })).toMatchObject({
			NATS_URL: 'nats://127.0.0.1:4222',
			API_PORT: 3001,
			CHDB_PATH: './data/clickhouse',
			TIME_ZONE: 'Asia/Shanghai'
		});
	});

	it('config - a bad value stops the start and names the variable', () => {
		expect(() => parseConfig({})).toThrow(/TICKET_SECRET is missing/);
		expect(() => parseConfig({ TICKET_SECRET: 'dev' })).toThrow(/too weak/);
		expect(() => parseConfig({ TICKET_SECRET: 's', NODE_ENV: 'test', API_PORT: 'http' })).toThrow(
			/API_PORT/
		);
		expect(() => parseConfig({ TICKET_SECRET: 's', NODE_ENV: 'test', BATCH_MAX: '0' })).toThrow(
			/BATCH_MAX/
		);
		expect(() =>
			parseConfig({ TICKET_SECRET: 's', NODE_ENV: 'test', CLICKHOUSE_URL: 'not a url' })
		).toThrow(/CLICKHOUSE_URL/);
		expect(() =>
			parseConfig({ TICKET_SECRET: 's', NODE_ENV: 'test', TIME_ZONE: 'Mars/Olympus' })
		).toThrow(/TIME_ZONE/);
	});
});

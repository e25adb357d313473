import { describe, expect, it } from 'vitest';
import { parseConfig } from './config';

describe('processor config', () => {
	it('config - defaults for an empty environment', () => {
		expect(parseConfig({})).toMatchObject({
			NATS_URL: 'nats://127.0.0.1:4222',
			API_PORT: 3001,
			CHDB_PATH: './data/clickhouse',
			TIME_ZONE: 'Asia/Shanghai'
		});
	});

	it('config - a bad value stops the start and names the variable', () => {
		expect(() => parseConfig({ API_PORT: 'http' })).toThrow(/API_PORT/);
		expect(() => parseConfig({ BATCH_MAX: '0' })).toThrow(/BATCH_MAX/);
		expect(() => parseConfig({ CLICKHOUSE_URL: 'not a url' })).toThrow(/CLICKHOUSE_URL/);
		expect(() => parseConfig({ TIME_ZONE: 'Mars/Olympus' })).toThrow(/TIME_ZONE/);
	});
});

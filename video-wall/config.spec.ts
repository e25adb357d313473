import { describe, expect, it } from 'vitest';
import { parseConfig } from './config';

const secret = 'Xk3vQ9tLw2RzP7mN4bYc8HdJ6fGs1aE0uT5o';

describe('video config', () => {
	it('video config - defaults: port 3002, 640x360 tiles, 10 s linger and offline, 20 diners', () => {
		const c = parseConfig({ TICKET_SECRET: secret });
		expect(c.VIDEO_PORT).toBe(3002);
		expect([c.TILE_WIDTH, c.TILE_HEIGHT]).toEqual([640, 360]);
		expect(c.LINGER_SECONDS).toBe(10);
		expect(c.OFFLINE_AFTER_SECONDS).toBe(10);
		expect(c.PUBLIC_VIEWER_CAP).toBe(20);
		expect(c.VIDEO_DIR).toBe('./data/video');
		expect(c.VIDEO_INSTANCE).toMatch(/^vw-/);
	});

	it('video config - names the variable that is wrong, and refuses a weak secret', () => {
		expect(() => parseConfig({ TICKET_SECRET: secret, VIDEO_PORT: 'x' })).toThrow(/VIDEO_PORT/);
		expect(() => parseConfig({ TICKET_SECRET: secret, TILE_WIDTH: '641' })).toThrow(/TILE_WIDTH/);
		expect(() => parseConfig({ TICKET_SECRET: 'secret' })).toThrow(/TICKET_SECRET/);
		expect(() => parseConfig({})).toThrow(/TICKET_SECRET/);
		expect(parseConfig({ TICKET_SECRET: 'dev', NODE_ENV: 'development' }).TICKET_SECRET).toBe(
			'dev'
		);
	});
});

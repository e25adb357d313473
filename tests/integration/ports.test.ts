import uWS from 'uWebSockets.js';
import { describe, expect, it } from 'vitest';
import { listenExclusive } from '../../src/lib/server/uws-listen';
import { testPort } from '../helpers/ports';

// The two halves of the fix for a CI run whose web server lost its port to its own processor.

describe('ports', () => {
	it('ports - a test worker never hands out the same port twice, and each one is free', async () => {
		const ports = new Set<number>();
		for (let i = 0; i < 20; i++) ports.add(await testPort());
		expect(ports.size).toBe(20);
	});

	it('ports - a second service on a taken port fails to start instead of sharing it', async () => {
		const port = await testPort();
		const first = uWS.App();
		const socket = await listenExclusive(first, '127.0.0.1', port);
		try {
			await expect(listenExclusive(uWS.App(), '127.0.0.1', port)).rejects.toThrow(
				`cannot listen on 127.0.0.1:${port}`
			);
		} finally {
			uWS.us_listen_socket_close(socket);
		}
	});
});

import uWS from 'uWebSockets.js';
import { describe, expect, it } from 'vitest';
import { listenExclusive } from '../../src/lib/server/uws-listen';
import { freePort } from '../helpers/nats-server';

// A CI run's web server lost its port to its own processor (the two had been handed one port):
// uWebSockets now listens alone, so such a clash fails loudly instead of sharing the port.

describe('ports', () => {
	it('ports - a second service on a taken port fails to start instead of sharing it', async () => {
		const port = await freePort();
		const socket = await listenExclusive(uWS.App(), '127.0.0.1', port);
		try {
			await expect(listenExclusive(uWS.App(), '127.0.0.1', port)).rejects.toThrow(
				`cannot listen on 127.0.0.1:${port}`
			);
		} finally {
			uWS.us_listen_socket_close(socket);
		}
	});
});

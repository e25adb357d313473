import type { NatsConnection } from '@nats-io/transport-node';
import { connectNats, watchConnected } from './backbone/connect';
import { config } from './config';

// One connection per server process (it carries no user's data): producers and health share it.
let connection: Promise<{ nc: NatsConnection; connected: () => boolean }> | undefined;

export function nats(): Promise<{ nc: NatsConnection; connected: () => boolean }> {
	connection ??= connectNats(config().NATS_URL, 'web').then(
		(nc) => ({ nc, connected: watchConnected(nc) }),
		(e: unknown) => {
			connection = undefined;
			throw e;
		}
	);
	return connection;
}

/** Drains the connection so the server process can exit (adapter-node's graceful shutdown). */
export async function closeNats(): Promise<void> {
	const c = connection;
	connection = undefined;
	if (c) await (await c.catch(() => null))?.nc.drain();
}

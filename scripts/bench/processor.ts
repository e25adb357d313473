import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { signTicket } from '../../src/lib/server/auth/ticket';
import { freePort } from '../launcher/net';
import { Supervised } from '../launcher/supervisor';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The processor as its own process for a bench (chDB in the NATS temp folder), with an admin
 * ticket signed by a secret of this run; resolves once its health says ok.
 */
export async function startBenchProcessor(
	nats: { url: string; dir: string },
	env: Record<string, string> = {}
) {
	const apiPort = await freePort();
	const ticketSecret = randomBytes(32).toString('base64url');
	const claims = { sub: 'bench', role: 'admin' as const, districts: [], merchants: [] };
	const ticket = (audience: 'gateway' | 'read-api') => signTicket(claims, ticketSecret, audience);
	const processor = new Supervised(
		{
			name: 'processor',
			command: process.execPath,
			args: ['--import', 'tsx', 'stream-processor/main.ts'],
			env: {
				NATS_URL: nats.url,
				CHDB_PATH: join(nats.dir, 'clickhouse'),
				API_PORT: String(apiPort),
				API_HOST: '127.0.0.1',
				BATCH_MAX: '10000',
				TICKET_SECRET: ticketSecret,
				...env
			}
		},
		() => process.exit(1)
	);
	const readTicket = await ticket('read-api');
	const api = (path: string) =>
		fetch(`http://127.0.0.1:${apiPort}${path}`, {
			headers: { authorization: `Bearer ${readTicket}` }
		}).then((r) => r.json());
	const healthy = async () => {
		for (let i = 0; ; i++) {
			const ok = await api('/healthz').then(
				(h: { status: string }) => h.status === 'ok',
				() => false
			);
			if (ok) return;
			if (i > 300) throw new Error('processor did not start');
			await sleep(200);
		}
	};
	processor.start();
	await healthy();
	return {
		processor,
		api,
		ticket,
		url: `http://127.0.0.1:${apiPort}`,
		/** Starts it again after a stop, and waits for its health. */
		restart: async () => {
			processor.start();
			await healthy();
		}
	};
}

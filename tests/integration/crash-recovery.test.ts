import { jetstream } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectNats } from '../../src/lib/server/backbone/connect';
import { publishMany } from '../../src/lib/server/backbone/publisher';
import { killHard, processorEnv, spawnService } from '../helpers/child';
import { sale } from '../helpers/events';
import { freePort, startNats, type TestNats } from '../helpers/nats-server';
import { eventually } from '../helpers/processor';
import { authHeaders } from '../helpers/tickets';

const N = 10_000;
let nats: TestNats;
let nc: NatsConnection;

beforeAll(async () => {
	nats = await startNats();
	nc = await connectNats(nats.url, 'crash-test');
});
afterAll(async () => {
	await nc?.close();
	await nats?.stop();
});

describe('crash recovery', () => {
	it('processor - killed mid-stream and restarted stores exactly 10,000 rows', async () => {
		const port = await freePort();
		const env = processorEnv(nats, port, {
			// Small batches so the kill lands between writes, with acks outstanding.
			BATCH_MAX: '300',
			// Redeliver what the dead process held after 3 s instead of 30 s.
			ACK_WAIT_MS: '3000'
		});
		const stats = async () => {
			const res = await fetch(`http://127.0.0.1:${port}/api/stats`, {
				headers: await authHeaders()
			});
			return (await res.json()) as { rows: number; distinctIds: number };
		};
		let first = spawnService('stream-processor/main.ts', env);
		await eventually(
			async () => ((await stats().catch(() => null)) ? true : undefined),
			30_000,
			'processor up'
		);

		const events = Array.from({ length: N }, (_, i) => sale(`m${i % 200}`));
		const js = jetstream(nc);
		// Publish in slices while the processor works, kill it part-way, keep publishing.
		const publishing = (async () => {
			for (let i = 0; i < N; i += 500) {
				await publishMany(js, events.slice(i, i + 500), 500);
				await new Promise((r) => setTimeout(r, 40));
			}
		})();
		const before = await eventually(
			async () => {
				const s = await stats();
				return s.rows >= 2_000 ? s.rows : undefined;
			},
			30_000,
			'first rows'
		);
		await killHard(first.child);
		expect(before).toBeLessThan(N);

		first = spawnService('stream-processor/main.ts', env);
		await publishing;
		const final = await eventually(
			async () => {
				const s = await stats().catch(() => null);
				return s && s.rows >= N ? s : undefined;
			},
			60_000,
			`${N} rows`
		);
		// Let any stray redelivery land before counting again.
		const health = await eventually(
			async () => {
				const res = await fetch(`http://127.0.0.1:${port}/healthz`);
				const h = (await res.json()) as { processor: { consumerLag: number | null } };
				return h.processor.consumerLag === 0 ? h : undefined;
			},
			30_000,
			'no consumer lag'
		);
		expect(health.processor.consumerLag).toBe(0);
		const settled = await stats();
		expect(final.rows).toBe(N);
		expect(settled).toEqual({ rows: N, distinctIds: N });
		first.child.kill('SIGTERM');
		await new Promise((r) => first.child.once('exit', r));
	});
});

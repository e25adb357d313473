import {
	jetstream,
	jetstreamManager,
	type JetStreamClient,
	type JetStreamManager
} from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { join } from 'node:path';
import { connectNats } from '../../src/lib/server/backbone/connect';
import { ensureStreams } from '../../src/lib/server/backbone/streams';
import { parseConfig } from '../../stream-processor/config';
import { startProcessor, type RunningProcessor } from '../../stream-processor/processor';
import { startNats, type TestNats } from './nats-server';
import { authHeaders, publicHeaders, TEST_TICKET_SECRET } from './tickets';
import type { TicketClaims } from '../../src/lib/domain/auth/claims';

export interface Pipeline {
	nats: TestNats;
	nc: NatsConnection;
	js: JetStreamClient;
	jsm: JetStreamManager;
	processor: RunningProcessor;
	/** A GET with a ticket (an admin's unless `claims` say otherwise; `/public/*`: the web server's). */
	api: (path: string, claims?: TicketClaims) => Promise<{ status: number; body: unknown }>;
	/** Stops the processor and starts a new one on the same NATS and store (state from the store). */
	restart(): Promise<void>;
	stop(): Promise<void>;
	/** Every line the processor logged so far (printed too with PIPELINE_LOG=1). */
	logs(): string[];
}

/** A real nats-server, a real chDB in a temp folder, and the processor in this process. */
/** Processor logs, shown with PIPELINE_LOG=1 (quiet by default: tests assert, they do not print). */
export async function startPipeline(env: Record<string, string> = {}): Promise<Pipeline> {
	const lines: string[] = [];
	const log = (m: string) => {
		lines.push(m);
		if (process.env.PIPELINE_LOG) console.error(m);
	};
	const nats = await startNats();
	const config = parseConfig({
		NATS_URL: nats.url,
		CHDB_PATH: join(nats.dir, 'clickhouse'),
		API_PORT: '0',
		API_HOST: '127.0.0.1',
		TICKET_SECRET: TEST_TICKET_SECRET,
		...env
	});
	let processor = await startProcessor(config, log);
	const nc = await connectNats(nats.url, 'test');
	const jsm = await jetstreamManager(nc);
	await ensureStreams(jsm);
	return {
		nats,
		nc,
		js: jetstream(nc),
		jsm,
		get processor() {
			return processor;
		},
		restart: async () => {
			await processor.stop();
			processor = await startProcessor(config, log);
		},
		api: async (path, claims) => {
			// `/public/*` answers the web server only: its public-read ticket, not a viewer's.
			const headers = path.startsWith('/public/')
				? await publicHeaders()
				: await authHeaders(claims);
			const res = await fetch(`http://127.0.0.1:${processor.port}${path}`, { headers });
			return { status: res.status, body: await res.json() };
		},
		logs: () => [...lines],
		stop: async () => {
			await nc.close();
			await processor.stop();
			await nats.stop();
		}
	};
}

/** Polls until `check` returns a value other than undefined, or fails after `timeoutMs`. */
export async function eventually<T>(
	check: () => Promise<T | undefined>,
	timeoutMs = 15_000,
	what = 'condition'
): Promise<T> {
	const until = Date.now() + timeoutMs;
	let last: unknown;
	while (Date.now() < until) {
		try {
			const v = await check();
			if (v !== undefined) return v;
		} catch (e) {
			last = e;
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}

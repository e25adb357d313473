import { join } from 'node:path';
import { jetstream, type JetStreamClient } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { ChildProcess } from 'node:child_process';
import { connectNats } from '../../src/lib/server/backbone/connect';
import { openAccountServices, type AccountServices } from '../../src/lib/server/accounts/open';
import { createTestUsers } from './accounts';
import { saysListening, spawnService } from './child';
import { TEST_TICKET_SECRET } from './tickets';
import { freePort, startNats, type TestNats } from './nats-server';
import { MAX_UPLOAD_BODY_BYTES } from '../../src/lib/domain/attachments';
import { startVideo, TEST_ALLOW_SOURCE_HOSTS, type TestVideo } from './video';

export interface TestSystem {
	webUrl: string;
	apiPort: number;
	nats: TestNats;
	nc: NatsConnection;
	js: JetStreamClient;
	processor: ChildProcess;
	/** Accounts on the system's NATS; the test users of helpers/accounts.ts exist. */
	accounts: AccountServices;
	/** The video service, when asked for (`startSystem({ video: true })`). */
	video: TestVideo | null;
	stop(): Promise<void>;
}

/** The system as `npm start` runs it, without the simulator: nats-server, processor, web (build/). */
export async function startSystem({
	video: withVideo = false,
	videoEnv = {},
	allowSourceHosts = TEST_ALLOW_SOURCE_HOSTS,
	webEnv = {}
}: {
	video?: boolean;
	videoEnv?: Record<string, string>;
	/** VIDEO_ALLOW_SOURCE_HOSTS of the web and the video service ('' = the production default). */
	allowSourceHosts?: string;
	/** More settings of the web server (e.g. PAYMENTS_SANDBOX: '0'). */
	webEnv?: Record<string, string>;
} = {}): Promise<TestSystem> {
	const nats = await startNats();
	const apiPort = await freePort();
	const webPort = await freePort();
	const env = {
		NATS_URL: nats.url,
		API_PORT: String(apiPort),
		PORT: String(webPort),
		TICKET_SECRET: TEST_TICKET_SECRET
	};
	const processor = spawnService('stream-processor/main.ts', {
		...env,
		CHDB_PATH: join(nats.dir, 'clickhouse'),
		API_HOST: '127.0.0.1'
	});
	await saysListening(processor.child, processor.output, `gateway on :${apiPort}`, 60_000);
	// The video service folds camera events from the stream the processor made; the web tells
	// browsers its port.
	const video = withVideo
		? await startVideo({
				natsUrl: nats.url,
				env: { VIDEO_ALLOW_SOURCE_HOSTS: allowSourceHosts, ...videoEnv }
			})
		: null;
	const web = spawnService(
		'build/index.js',
		{
			...env,
			HOST: '127.0.0.1',
			ORIGIN: `http://127.0.0.1:${webPort}`,
			// As scripts/start.ts: photo forms and registry imports are the large bodies.
			BODY_SIZE_LIMIT: String(MAX_UPLOAD_BODY_BYTES),
			PAYMENTS_SANDBOX: '1',
			VIDEO_ALLOW_SOURCE_HOSTS: allowSourceHosts,
			...(video ? { VIDEO_PORT: String(video.port) } : {}),
			...webEnv
		},
		{ tsx: false }
	);
	await saysListening(web.child, web.output, `Listening on http://127.0.0.1:${webPort}`, 30_000);
	const nc = await connectNats(nats.url, 'browser-test');
	const accounts = await openAccountServices(nc, { log: () => {} });
	await createTestUsers(accounts);
	return {
		accounts,
		webUrl: `http://127.0.0.1:${webPort}`,
		apiPort,
		nats,
		nc,
		js: jetstream(nc),
		processor: processor.child,
		video,
		stop: async () => {
			await video?.stop();
			accounts.close();
			await nc.close();
			for (const child of [web.child, processor.child]) {
				if (child.exitCode !== null || child.signalCode !== null) continue;
				child.kill('SIGCONT');
				const exited = new Promise((r) => child.once('exit', r));
				child.kill('SIGTERM');
				await exited;
			}
			await nats.stop();
		}
	};
}

import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEMO_PASSWORD } from '../seeds/accounts/demo-accounts';
import { MAX_UPLOAD_BODY_BYTES } from '../src/lib/domain/attachments';
import { launcherConfig } from './launcher/config';
import { freePort, isPortFree, waitForPort } from './launcher/net';
import { Supervised, type ServiceSpec } from './launcher/supervisor';

// `npm start`: the whole system on one machine. nats-server (unless NATS_URL is set), the
// stream processor (with read API and live gateway), the video service, the web server and, in
// demo mode, the
// simulator. Ctrl-C stops them in reverse order.

const log = (m: string) => console.log(`[launcher] ${m}`);

async function waitForHealth(url: string, timeoutMs: number): Promise<void> {
	const until = Date.now() + timeoutMs;
	while (Date.now() < until) {
		const ok = await fetch(url, { signal: AbortSignal.timeout(1_000) })
			.then((r) => r.ok)
			.catch(() => false);
		if (ok) return;
		await new Promise((r) => setTimeout(r, 250));
	}
	throw new Error(`${url} did not become healthy in ${timeoutMs / 1000} s`);
}

let stopAll: (code: number) => Promise<void> = async (code) => process.exit(code);

async function main() {
	const config = launcherConfig();
	const services: Supervised[] = [];
	let stopping = false;
	stopAll = async (code: number) => {
		if (stopping) return;
		stopping = true;
		log('stopping…');
		// None may restart while the others stop (nats first would look like a crash).
		for (const s of services) s.stopping = true;
		for (const s of [...services].reverse()) await s.stop();
		process.exit(code);
	};
	process.on('SIGINT', () => void stopAll(0));
	process.on('SIGTERM', () => void stopAll(0));
	const run = (spec: ServiceSpec) => {
		if (stopping) throw new Error('stopping');
		const s = new Supervised(spec, () => void stopAll(1));
		services.push(s);
		s.start();
		return s;
	};
	const tsx = (entry: string, env: Record<string, string>): ServiceSpec => ({
		name: entry.split('/')[0] ?? entry,
		command: process.execPath,
		args: ['--import', 'tsx', entry],
		env
	});

	let natsUrl = config.NATS_URL;
	if (!natsUrl) {
		const natsPort = (await isPortFree(config.NATS_PORT)) ? config.NATS_PORT : await freePort();
		const dir = resolve(config.DATA_DIR, 'nats');
		mkdirSync(dir, { recursive: true });
		// Its log goes to a file: the console is for the system's own messages.
		const logFile = resolve(dir, 'nats-server.log');
		run({
			name: 'nats',
			command: 'nats-server',
			args: ['-js', '-a', '127.0.0.1', '-p', String(natsPort), '-sd', dir, '-l', logFile]
		});
		await waitForPort(natsPort);
		natsUrl = `nats://127.0.0.1:${natsPort}`;
		log(`nats-server on ${natsUrl} (data and log in ${dir})`);
	}
	const common = {
		NATS_URL: natsUrl,
		API_PORT: String(config.API_PORT),
		PORT: String(config.PORT),
		// The web server tells browsers where the video service is.
		VIDEO_PORT: String(config.VIDEO_PORT)
	};
	// Only the web server (signs), the processor and the video service (check) hold it. Tickets live minutes, so a
	// secret made for this run is enough when none is configured.
	const tickets = { TICKET_SECRET: config.TICKET_SECRET ?? randomBytes(32).toString('base64url') };

	const origin = config.ORIGIN ?? `http://localhost:${config.PORT}`;
	run(
		tsx('stream-processor/main.ts', {
			...common,
			...tickets,
			CHDB_PATH: config.CHDB_PATH ?? resolve(config.DATA_DIR, 'clickhouse')
		})
	);
	await waitForHealth(`http://127.0.0.1:${config.API_PORT}/healthz`, 90_000);
	// The video service (明厨亮灶): its cameras come from the events, so it starts once the
	// backbone is up; browsers reach it directly with video tickets.
	run(
		tsx('video-wall/main.ts', {
			...common,
			...tickets,
			VIDEO_DIR: resolve(config.DATA_DIR, 'video'),
			// The demo records nine kitchens (≈1.7 GB an hour): a demo left running must not fill
			// the disk. A real deployment sets its own cap (0 = none).
			RECORD_QUOTA_GB: process.env.RECORD_QUOTA_GB ?? (config.DEMO === '1' ? '10' : '0')
		})
	);
	await waitForHealth(`http://127.0.0.1:${config.VIDEO_PORT}/healthz`, 60_000);
	run({
		name: 'web',
		command: process.execPath,
		args: ['build/index.js'],
		// Photo forms carry up to three photos and registry imports files of up to 5 MB;
		// hooks.server.ts keeps every other path at 512 KB.
		env: {
			...common,
			...tickets,
			ORIGIN: origin,
			BODY_SIZE_LIMIT: String(MAX_UPLOAD_BODY_BYTES),
			// The demo takes sandbox payments; without the demo they are off unless asked for.
			PAYMENTS_SANDBOX: process.env.PAYMENTS_SANDBOX ?? (config.DEMO === '1' ? '1' : '0')
		}
	});
	await waitForPort(config.PORT, 30_000);
	// Demo accounts have a published password: created only when the system is opened locally.
	const local = ['localhost', '127.0.0.1', '[::1]'].includes(new URL(origin).hostname);
	const demoAccounts = config.DEMO === '1' && local;
	if (config.DEMO === '1') {
		run(tsx('seeds/simulator/main.ts', { ...common, SIM_DEMO_ACCOUNTS: demoAccounts ? '1' : '0' }));
	}

	log('');
	log(`食安 command center is running:  ${origin}`);
	log(`  command screen (指挥大屏):     ${origin}/command`);
	log(`  health:                        ${origin}/healthz`);
	log(`  read API and live gateway:     http://localhost:${config.API_PORT}`);
	log(`  video (live, snapshots):       http://localhost:${config.VIDEO_PORT}`);
	log(
		demoAccounts
			? `  demo simulator: on (DEMO=0 to turn off); demo accounts: admin, jinan, lixia, inspector, owner, staff / ${DEMO_PASSWORD}`
			: `  demo simulator: ${config.DEMO === '1' ? 'on, no demo accounts (ORIGIN is not local)' : 'off'}; first admin: npm run admin -- create <name>`
	);
	log('Ctrl-C stops everything.');
}

main().catch((e: unknown) => {
	console.error(`[launcher] cannot start: ${(e as Error).message}`);
	// Whatever did start is stopped: a processor left behind would keep the store locked.
	void stopAll(1);
});

import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pidsWith } from '../../video-wall/sources/marker';
import { killHard, spawnService } from './child';
import { freePort } from './nats-server';
import { TEST_TICKET_SECRET } from './tickets';

/** VIDEO_ALLOW_SOURCE_HOSTS of the tests (web and video): their RTSP camera is on 127.0.0.1. */
export const TEST_ALLOW_SOURCE_HOSTS = '127.0.0.1';

export interface TestVideo {
	/** http://127.0.0.1:<port> */
	url: string;
	/** ws://127.0.0.1:<port> */
	wsUrl: string;
	port: number;
	/** Its VIDEO_DIR (a temp folder, removed by stop()). */
	dir: string;
	/** Its VIDEO_INSTANCE: the tag in the arguments of every ffmpeg it starts. */
	instance: string;
	child: ChildProcess;
	/** What it printed so far (for failure messages). */
	output(): string;
	/** Pids of the ffmpeg processes this service started (all, one camera's, or one camera's of a role: live, grab…), by their tag. */
	ffmpegPids(cameraId?: string, role?: string): number[];
	/** SIGTERM, waits for it to exit (SIGKILL after 15 s), removes its folder. */
	stop(): Promise<void>;
	/** SIGKILL, as a crash would (its folder stays until stop()). */
	kill(): Promise<void>;
}

/**
 * The video service (video-wall/main.ts) as its own process on a free port, with a temp
 * VIDEO_DIR, on the given NATS. Resolves once /healthz answers 200 (the camera directory has
 * caught up with the stream). `env` adds or overrides variables (e.g. LINGER_SECONDS).
 */
export async function startVideo(opts: {
	natsUrl: string;
	secret?: string;
	env?: Record<string, string>;
}): Promise<TestVideo> {
	const port = await freePort();
	const dir = await mkdtemp(join(tmpdir(), 'fs-video-'));
	const instance = `t${port}x${Math.floor(Math.random() * 1e6)}`;
	const { child, output } = spawnService('video-wall/main.ts', {
		NATS_URL: opts.natsUrl,
		TICKET_SECRET: opts.secret ?? TEST_TICKET_SECRET,
		VIDEO_PORT: String(port),
		VIDEO_HOST: '127.0.0.1',
		VIDEO_DIR: dir,
		VIDEO_INSTANCE: instance,
		// The tests' RTSP camera listens on 127.0.0.1, an address the service refuses otherwise.
		VIDEO_ALLOW_SOURCE_HOSTS: TEST_ALLOW_SOURCE_HOSTS,
		...opts.env
	});
	const url = `http://127.0.0.1:${port}`;
	const until = Date.now() + 30_000;
	for (;;) {
		if (child.exitCode !== null || child.signalCode !== null) {
			throw new Error(`video-wall exited at start:\n${output()}`);
		}
		const ok = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1_000) })
			.then((r) => r.ok)
			.catch(() => false);
		if (ok) break;
		if (Date.now() > until) {
			await killHard(child);
			throw new Error(`video-wall did not become healthy:\n${output()}`);
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	const exited = () => child.exitCode !== null || child.signalCode !== null;
	return {
		url,
		wsUrl: `ws://127.0.0.1:${port}`,
		port,
		dir,
		instance,
		child,
		output,
		ffmpegPids: (cameraId, role) =>
			pidsWith(`fsvw.${instance}.${cameraId ? `${cameraId}.${role ?? ''}` : ''}`),
		kill: () => killHard(child),
		stop: async () => {
			if (!exited()) {
				const gone = new Promise((r) => child.once('exit', r));
				child.kill('SIGTERM');
				const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
				await gone;
				clearTimeout(timer);
			}
			await rm(dir, { recursive: true, force: true });
		}
	};
}

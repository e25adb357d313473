import { jetstream, jetstreamManager, type JetStreamClient } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectNats } from '../../src/lib/server/backbone/connect';
import { ensureStreams } from '../../src/lib/server/backbone/streams';
import { registerCamera } from '../helpers/cameras';
import { startNats, type TestNats } from '../helpers/nats-server';
import { eventually } from '../helpers/processor';
import { startVideo } from '../helpers/video';
import { openViewer } from '../helpers/video-viewer';

let nats: TestNats;
let nc: NatsConnection;
let js: JetStreamClient;

beforeAll(async () => {
	nats = await startNats();
	nc = await connectNats(nats.url, 'test');
	await ensureStreams(await jetstreamManager(nc));
	js = jetstream(nc);
	await registerCamera(js, 'cam-1', 'm-a');
	await registerCamera(js, 'cam-2', 'm-a');
});

afterAll(async () => {
	await nc?.close();
	await nats?.stop();
});

const none = (pids: () => number[]) =>
	eventually(async () => (pids().length === 0 ? true : undefined), 5_000, 'no ffmpeg left');

describe('video orphans', () => {
	for (const how of ['SIGTERM', 'SIGKILL'] as const) {
		it(`video orphans - no ffmpeg outlives the service stopped by ${how}`, async () => {
			const video = await startVideo({ natsUrl: nats.url });
			const viewers = ['cam-1', 'cam-2'].map((id) => openViewer(video.wsUrl, id));
			await Promise.all(viewers.map((v) => v.received(188 * 20, 20_000)));
			// A snapshot of the same camera reads the running encoder's still: no extra process.
			expect(video.ffmpegPids('cam-1', 'live')).toHaveLength(1);
			expect(video.ffmpegPids('cam-2', 'live')).toHaveLength(1);
			const pids = () => video.ffmpegPids();
			if (how === 'SIGKILL') await video.kill();
			else {
				// Killed in order: stop() resolves once the service has exited.
				const exited = new Promise((r) => video.child.once('exit', r));
				video.child.kill('SIGTERM');
				await exited;
				expect(pids()).toHaveLength(0);
			}
			await none(pids);
			await video.stop();
			await Promise.all(viewers.map((v) => v.closed));
		});
	}
});

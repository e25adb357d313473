import { jetstream, jetstreamManager, type JetStreamClient } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectNats } from '../../src/lib/server/backbone/connect';
import { ensureStreams } from '../../src/lib/server/backbone/streams';
import { publishEvent } from '../../src/lib/server/backbone/publisher';
import { registerCamera } from '../helpers/cameras';
import { registered } from '../helpers/events';
import { startNats, type TestNats } from '../helpers/nats-server';
import { eventually } from '../helpers/processor';
import { frameTimes, isTransportStream, videoCodecOf } from '../helpers/ts-frames';
import { startVideo, type TestVideo } from '../helpers/video';
import { openViewer } from '../helpers/video-viewer';

let nats: TestNats;
let nc: NatsConnection;
let js: JetStreamClient;
let video: TestVideo;

beforeAll(async () => {
	nats = await startNats();
	nc = await connectNats(nats.url, 'test');
	await ensureStreams(await jetstreamManager(nc));
	js = jetstream(nc);
	await publishEvent(js, registered('m-live', '370102', '老王饭店'));
	await registerCamera(js, 'cam-live', 'm-live');
	video = await startVideo({ natsUrl: nats.url, env: { LINGER_SECONDS: '1' } });
});

afterAll(async () => {
	await video?.stop();
	await nc?.close();
	await nats?.stop();
});

describe('video live', () => {
	it('video live - a test-pattern camera plays: MPEG-TS, MPEG-1, a picture within a second, the clock of now', async () => {
		const opened = Date.now();
		const viewer = openViewer(video.wsUrl, 'cam-live');
		// The first keyframe's worth of bytes: a picture.
		await viewer.received(188 * 20, 20_000);
		const firstBytesAfter = Date.now() - opened;
		const bytes = await viewer.received(200_000, 20_000);
		const receivedAt = Date.now();
		viewer.close();
		const whole = bytes.subarray(0, bytes.length - (bytes.length % 188));
		expect(isTransportStream(whole)).toBe(true);
		expect(await videoCodecOf(whole)).toBe('mpeg1video');
		const times = (await frameTimes(whole)).filter((t): t is number => t !== null);
		expect(times.length).toBeGreaterThan(10);
		const newest = Math.max(...times);
		// The newest frame was made moments before it arrived (the timecode is the wall clock).
		expect(receivedAt - newest).toBeGreaterThanOrEqual(-200);
		expect(receivedAt - newest).toBeLessThan(2_000);
		console.log(
			`first bytes after ${firstBytesAfter} ms; newest frame ${receivedAt - newest} ms old`
		);
	});

	it('video live - one ffmpeg for five viewers; it stops after the last leaves and the linger', async () => {
		await eventually(
			async () => (video.ffmpegPids('cam-live', 'live').length === 0 ? true : undefined),
			15_000,
			'idle'
		);
		const viewers = Array.from({ length: 5 }, () => openViewer(video.wsUrl, 'cam-live'));
		await Promise.all(viewers.map((v) => v.received(188 * 50, 20_000)));
		expect(video.ffmpegPids('cam-live', 'live')).toHaveLength(1);
		const health = (await (await fetch(`${video.url}/healthz`)).json()) as {
			viewers: Record<string, { viewers: number }>;
		};
		expect(health.viewers['cam-live']?.viewers).toBe(5);
		for (const v of viewers.slice(0, 4)) v.close();
		await new Promise((r) => setTimeout(r, 1_500));
		expect(video.ffmpegPids('cam-live', 'live')).toHaveLength(1);
		viewers[4]?.close();
		await eventually(
			async () => (video.ffmpegPids('cam-live', 'live').length === 0 ? true : undefined),
			10_000,
			'the encoder to stop after the linger'
		);
	});
});

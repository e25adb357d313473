import { jetstream, jetstreamManager, type JetStreamClient } from '@nats-io/jetstream';
import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FsEvent } from '../../src/lib/domain/events';
import { connectNats } from '../../src/lib/server/backbone/connect';
import { publishEvent } from '../../src/lib/server/backbone/publisher';
import { ensureStreams } from '../../src/lib/server/backbone/streams';
import { collectCameraEvents, registerCamera } from '../helpers/cameras';
import { registered } from '../helpers/events';
import { startNats, type TestNats } from '../helpers/nats-server';
import { eventually } from '../helpers/processor';
import { startRtspCamera, type RtspCamera } from '../helpers/rtsp-camera';
import { isTransportStream, videoCodecOf } from '../helpers/ts-frames';
import { startVideo, type TestVideo } from '../helpers/video';
import { openViewer } from '../helpers/video-viewer';

let nats: TestNats;
let nc: NatsConnection;
let js: JetStreamClient;
let camera: RtspCamera;
let video: TestVideo;
const videoEnv = {
	OFFLINE_AFTER_SECONDS: '4',
	RTSP_TIMEOUT_SECONDS: '2',
	LINGER_SECONDS: '1',
	PROBE_INTERVAL_SECONDS: '2'
};
let sub: Subscription;
let seen: FsEvent[] = [];

beforeAll(async () => {
	nats = await startNats();
	nc = await connectNats(nats.url, 'test');
	await ensureStreams(await jetstreamManager(nc));
	js = jetstream(nc);
	({ seen, sub } = collectCameraEvents(nc));
	camera = await startRtspCamera();
	// The address carries a password: it must never reach an event.
	const url = camera.url.replace('rtsp://', 'rtsp://admin:s3cret@');
	await publishEvent(js, registered('m-rtsp', '370102', '川味小馆'));
	await registerCamera(js, 'cam-rtsp', 'm-rtsp', { source: { kind: 'rtsp', url } });
	video = await startVideo({
		natsUrl: nats.url,
		env: videoEnv
	});
});

afterAll(async () => {
	sub?.unsubscribe();
	await video?.stop();
	await camera?.stop();
	await nc?.close();
	await nats?.stop();
});

const of = (type: string) => seen.filter((e) => e.type === type);

describe('video rtsp', () => {
	it('video rtsp - a real RTSP camera plays through the relay as MPEG-1 in MPEG-TS', async () => {
		const viewer = openViewer(video.wsUrl, 'cam-rtsp');
		const bytes = await viewer.received(60_000, 30_000);
		viewer.close();
		const whole = bytes.subarray(0, bytes.length - (bytes.length % 188));
		expect(isTransportStream(whole)).toBe(true);
		expect(await videoCodecOf(whole)).toBe('mpeg1video');
		expect(camera.plays()).toBeGreaterThanOrEqual(1);
	});

	it('video rtsp - the camera killed → camera.offline within seconds; back → camera.online', async () => {
		const viewer = openViewer(video.wsUrl, 'cam-rtsp');
		await viewer.received(20_000, 30_000);
		const killedAt = Date.now();
		await camera.kill();
		const offline = await eventually(async () => of('camera.offline')[0], 20_000, 'camera.offline');
		const offlineAfter = Date.now() - killedAt;
		expect(offline.type === 'camera.offline' && offline.payload.cameraId).toBe('cam-rtsp');
		if (offline.type === 'camera.offline') {
			expect(['unreachable', 'no_data']).toContain(offline.payload.reason);
			expect(offline.payload.detail ?? '').not.toContain('s3cret');
			expect(offline.actor).toEqual({ kind: 'system', id: 'video-wall' });
		}
		// Reported once, however long it stays dark.
		await new Promise((r) => setTimeout(r, 3_000));
		expect(of('camera.offline')).toHaveLength(1);

		const before = viewer.bytes().length;
		const backAt = Date.now();
		await camera.restart();
		await eventually(async () => of('camera.online')[0], 30_000, 'camera.online');
		const onlineAfter = Date.now() - backAt;
		// The viewer that stayed gets pictures again.
		await viewer.received(before + 20_000, 15_000);
		viewer.close();
		expect(of('camera.online')).toHaveLength(1);
		console.log(
			`offline reported ${offlineAfter} ms after the kill, online ${onlineAfter} ms after the return`
		);
	});

	it('video rtsp - an idle camera is probed: found dark and back; a restarted service does not report it twice', async () => {
		await eventually(
			async () => (video.ffmpegPids('cam-rtsp', 'live').length === 0 ? true : undefined),
			10_000,
			'the encoder to stop (nobody watching)'
		);
		await camera.kill();
		await eventually(async () => of('camera.offline')[1], 20_000, 'the probe to find it dark');
		const second = of('camera.offline')[1];
		expect(second?.type === 'camera.offline' && second.payload.reason).toBe('unreachable');
		// A new instance replays the events: the camera is known to be dark, nothing is re-sent.
		await video.stop();
		video = await startVideo({ natsUrl: nats.url, env: videoEnv });
		await new Promise((r) => setTimeout(r, 6_000));
		expect(of('camera.offline')).toHaveLength(2);
		await camera.restart();
		await eventually(async () => of('camera.online')[1], 20_000, 'the probe to find it back');
		expect(of('camera.online')).toHaveLength(2);
		expect(video.ffmpegPids('cam-rtsp', 'live')).toHaveLength(0);
	});
});

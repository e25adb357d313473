import { jetstream, jetstreamManager, type JetStreamClient } from '@nats-io/jetstream';
import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FsEvent } from '../../src/lib/domain/events';
import { connectNats } from '../../src/lib/server/backbone/connect';
import { publishEvent } from '../../src/lib/server/backbone/publisher';
import { ensureStreams } from '../../src/lib/server/backbone/streams';
import { collectCameraEvents, registerCamera } from '../helpers/cameras';
import { registered } from '../helpers/events';
import { freePort, startNats, type TestNats } from '../helpers/nats-server';
import { eventually } from '../helpers/processor';
import { startRtspCamera, type RtspCamera } from '../helpers/rtsp-camera';
import { startVideo, type TestVideo } from '../helpers/video';
import { openViewer } from '../helpers/video-viewer';

// A camera that accepts the connection and never answers holds its probe for the whole RTSP
// timeout (20 s here). The health tick must not wait for it: a watched camera that dies meanwhile
// is reported within seconds, once.

let nats: TestNats;
let nc: NatsConnection;
let js: JetStreamClient;
let camera: RtspCamera;
let video: TestVideo;
let silent: Server;
const silentSockets = new Set<Socket>();
let silentConnections = 0;
let sub: Subscription;
let seen: FsEvent[] = [];

beforeAll(async () => {
	nats = await startNats();
	nc = await connectNats(nats.url, 'test');
	await ensureStreams(await jetstreamManager(nc));
	js = jetstream(nc);
	({ seen, sub } = collectCameraEvents(nc));
	camera = await startRtspCamera();
	const silentPort = await freePort();
	silent = createServer((socket) => {
		silentConnections++;
		silentSockets.add(socket);
		socket.on('error', () => {});
		socket.on('close', () => silentSockets.delete(socket));
	});
	await new Promise<void>((r) => silent.listen(silentPort, '127.0.0.1', () => r()));
	await publishEvent(js, registered('m-h', '370102', '健康小馆'));
	await registerCamera(js, 'cam-watched', 'm-h', { source: { kind: 'rtsp', url: camera.url } });
	await registerCamera(js, 'cam-silent', 'm-h', {
		source: { kind: 'rtsp', url: `rtsp://127.0.0.1:${silentPort}/live` }
	});
	video = await startVideo({
		natsUrl: nats.url,
		env: {
			OFFLINE_AFTER_SECONDS: '4',
			RTSP_TIMEOUT_SECONDS: '20',
			PROBE_INTERVAL_SECONDS: '1',
			LINGER_SECONDS: '1'
		}
	});
});

afterAll(async () => {
	sub?.unsubscribe();
	await video?.stop();
	await camera?.stop();
	for (const s of silentSockets) s.destroy();
	await new Promise((r) => silent?.close(r));
	await nc?.close();
	await nats?.stop();
});

const offlineOf = (cameraId: string) =>
	seen.filter((e) => e.type === 'camera.offline' && e.payload.cameraId === cameraId);

describe('video health', () => {
	it('video health - a probe hanging on a silent camera does not hold up a watched camera going dark', async () => {
		const viewer = openViewer(video.wsUrl, 'cam-watched');
		await viewer.received(20_000, 30_000);
		// The silent camera's probe is in flight (and stays so for its 20 s timeout).
		await eventually(async () => (silentConnections > 0 ? true : undefined), 10_000, 'a probe');
		const killedAt = Date.now();
		await camera.kill();
		await eventually(async () => offlineOf('cam-watched')[0], 15_000, 'camera.offline');
		const after = Date.now() - killedAt;
		viewer.close();
		expect(after).toBeLessThan(10_000);
		// Still one probe of the silent camera at a time, however many ticks passed.
		expect(silentSockets.size).toBeLessThanOrEqual(1);
		await new Promise((r) => setTimeout(r, 3_000));
		expect(offlineOf('cam-watched')).toHaveLength(1);
		console.log(
			`watched camera offline ${after} ms after the kill while a probe hung; silent camera: ${silentConnections} connection(s)`
		);
	});

	it('video health - the silent camera is reported once, by its probe, when the timeout ends', async () => {
		const offline = await eventually(async () => offlineOf('cam-silent')[0], 40_000, 'offline');
		expect(offline.type === 'camera.offline' && offline.payload.reason).toBe('unreachable');
		await new Promise((r) => setTimeout(r, 3_000));
		expect(offlineOf('cam-silent')).toHaveLength(1);
	});
});

import type { Subscription } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FsEvent } from '../../src/lib/domain/events';
import { publishEvent } from '../../src/lib/server/backbone/publisher';
import { httpSignIn } from '../helpers/accounts';
import { collectCameraEvents, registerCamera } from '../helpers/cameras';
import { registered } from '../helpers/events';
import { eventually } from '../helpers/processor';
import { startRtspCamera, type RtspCamera } from '../helpers/rtsp-camera';
import { startSystem, type TestSystem } from '../helpers/system';
import { openViewer } from '../helpers/video-viewer';

// The web, the processor and the video service as deployed: no VIDEO_ALLOW_SOURCE_HOSTS, so the
// tests' RTSP camera on 127.0.0.1 is an address the server must not be aimed at. Needs a build.

let sys: TestSystem;
let camera: RtspCamera;
let sub: Subscription;
let cookie = '';
let seen: FsEvent[] = [];

beforeAll(async () => {
	sys = await startSystem({
		video: true,
		allowSourceHosts: '',
		videoEnv: { PROBE_INTERVAL_SECONDS: '1', RTSP_TIMEOUT_SECONDS: '2', LINGER_SECONDS: '1' }
	});
	({ seen, sub } = collectCameraEvents(sys.nc));
	camera = await startRtspCamera();
	await publishEvent(sys.js, registered('m-a', '370102', '历下区甲店'));
	const signIn = await httpSignIn(sys.webUrl, 'own-ab');
	if (!signIn.cookie) throw new Error(`sign-in failed: ${signIn.status}`);
	cookie = signIn.cookie;
}, 120_000);

afterAll(async () => {
	sub?.unsubscribe();
	await camera?.stop();
	await sys?.stop();
});

const offlines = () => seen.filter((e) => e.type === 'camera.offline');

describe('video source guard', () => {
	it('video source guard - a camera on 127.0.0.1 put on the stream directly: no ffmpeg connects, offline refused_address', async () => {
		const video = sys.video!;
		// Recording on and a viewer watching: the grab, live and record paths are all asked to connect.
		await registerCamera(sys.js, 'cam-local', 'm-a', {
			source: { kind: 'rtsp', url: camera.url.replace('rtsp://', 'rtsp://admin:s3cret@') },
			recording: true
		});
		const viewer = openViewer(video.wsUrl, 'cam-local');
		let children = 0;
		const sampler = setInterval(() => {
			children = Math.max(children, video.ffmpegPids('cam-local').length);
		}, 100);
		try {
			const offline = await eventually(async () => offlines()[0], 20_000, 'camera.offline');
			expect(offline.type === 'camera.offline' && offline.payload.reason).toBe('refused_address');
			if (offline.type === 'camera.offline') {
				expect(offline.payload.detail ?? '').not.toMatch(/s3cret|127\.0\.0\.1/);
			}
			// Live retries, probes and recording retries go on for a while: still nothing connects.
			await new Promise((r) => setTimeout(r, 5_000));
		} finally {
			clearInterval(sampler);
			viewer.close();
		}
		expect(children).toBe(0);
		expect(camera.connections()).toBe(0);
		expect(viewer.bytes().length).toBe(0);
		// Probe and live source both see it dark: reported once.
		expect(offlines()).toHaveLength(1);
		console.log(`refused camera: ${offlines().length} offline event, 0 ffmpeg, 0 connections`);
	});

	it('video source guard - the shop page says 离线 without the reason', async () => {
		const res = await fetch(`${sys.webUrl}/m/m-a/cameras`, { headers: { cookie } });
		expect(res.status).toBe(200);
		const html = await res.text();
		expect(html).toContain('cam-local');
		expect(html).toContain('离线');
		expect(html).not.toContain('refused_address');
		expect(html).not.toContain('摄像头地址不允许连接');
	});

	it('video source guard - the web refuses to register such an address with 400', async () => {
		const register = (rtspUrl: string) =>
			fetch(`${sys.webUrl}/m/m-a/cameras?/register`, {
				method: 'POST',
				headers: {
					cookie,
					origin: sys.webUrl,
					accept: 'text/html',
					'content-type': 'application/x-www-form-urlencoded'
				},
				body: new URLSearchParams({ name: '灶台', area: 'cooking', sourceKind: 'rtsp', rtspUrl }),
				redirect: 'manual'
			});
		for (const url of [
			camera.url,
			'rtsp://admin:pw@localhost:554/s',
			'rtsp://169.254.169.254/latest',
			'rtsp://[::1]:554/s',
			'rtsp://2130706433/s',
			'rtsp://0x7f.1/s'
		]) {
			const res = await register(url);
			expect(res.status, url).toBe(400);
			expect(await res.text(), url).toContain('该地址不能用作摄像头');
		}
		const before = seen.filter((e) => e.type === 'camera.registered').length;
		await new Promise((r) => setTimeout(r, 500));
		expect(seen.filter((e) => e.type === 'camera.registered')).toHaveLength(before);
	});
});

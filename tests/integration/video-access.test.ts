import { jetstream, jetstreamManager, type JetStreamClient } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { SignJWT } from 'jose';
import { mkdir, writeFile } from 'node:fs/promises';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TicketClaims } from '../../src/lib/domain/auth/claims';
import { localDay } from '../../src/lib/domain/time';
import { segmentFileName } from '../../video-wall/recorder/segments';
import { videoCloseCodes } from '../../src/lib/domain/video/protocol';
import { connectNats } from '../../src/lib/server/backbone/connect';
import { ensureStreams } from '../../src/lib/server/backbone/streams';
import { makeEvent, publishEvent } from '../../src/lib/server/backbone/publisher';
import { registerCamera } from '../helpers/cameras';
import { startNats, type TestNats } from '../helpers/nats-server';
import { eventually } from '../helpers/processor';
import { signTicket } from '../../src/lib/server/auth/ticket';
import { TEST_TICKET_SECRET, ticketFor } from '../helpers/tickets';
import { startVideo, type TestVideo } from '../helpers/video';
import { openViewer } from '../helpers/video-viewer';

let nats: TestNats;
let nc: NatsConnection;
let js: JetStreamClient;
let video: TestVideo;

const owner = (merchant: string): TicketClaims => ({
	sub: `owner-${merchant}`,
	role: 'merchant_owner',
	districts: [],
	merchants: [merchant]
});
const supervisor = (district: string): TicketClaims => ({
	sub: `sup-${district}`,
	role: 'supervisor',
	districts: [district],
	merchants: []
});
const videoTicket = (claims: TicketClaims) => ticketFor(claims, 'video');

beforeAll(async () => {
	nats = await startNats();
	nc = await connectNats(nats.url, 'test');
	await ensureStreams(await jetstreamManager(nc));
	js = jetstream(nc);
	await registerCamera(js, 'cam-private', 'm-a', { publicView: false });
	await registerCamera(js, 'cam-public', 'm-a', { publicView: true });
	await registerCamera(js, 'cam-other', 'm-b', { districtId: '370103', publicView: false });
	video = await startVideo({
		natsUrl: nats.url,
		env: { PUBLIC_VIEWER_CAP: '2', LINGER_SECONDS: '1' }
	});
});

afterAll(async () => {
	await video?.stop();
	await nc?.close();
	await nats?.stop();
});

/** Opens a socket that must be refused: the close code, and that no byte came before it. */
async function refusal(cameraId: string, ticket?: string) {
	const viewer = openViewer(video.wsUrl, cameraId, ticket);
	const closed = await viewer.closed;
	return { code: closed.code, bytes: viewer.bytes().length };
}

async function plays(cameraId: string, ticket?: string) {
	const viewer = openViewer(video.wsUrl, cameraId, ticket);
	await viewer.received(188 * 10, 20_000);
	viewer.close();
	return true;
}

describe('video access', () => {
	it('video access - no ticket: a public camera plays, a private one is refused 4403 before any byte', async () => {
		expect(await plays('cam-public')).toBe(true);
		expect(await refusal('cam-private')).toEqual({ code: videoCloseCodes.forbidden, bytes: 0 });
	});

	it('video access - a merchant watches its own camera, not another merchant’s', async () => {
		expect(await plays('cam-private', await videoTicket(owner('m-a')))).toBe(true);
		expect(await refusal('cam-private', await videoTicket(owner('m-b')))).toEqual({
			code: videoCloseCodes.forbidden,
			bytes: 0
		});
	});

	it('video access - a supervisor of the district watches; one of another district cannot', async () => {
		expect(await plays('cam-private', await videoTicket(supervisor('370102')))).toBe(true);
		expect(await refusal('cam-private', await videoTicket(supervisor('370103')))).toEqual({
			code: videoCloseCodes.forbidden,
			bytes: 0
		});
		expect((await refusal('cam-other', await videoTicket(supervisor('370102')))).code).toBe(4403);
	});

	it('video access - an expired, forged or wrong-audience ticket is 4401; an unknown camera 4404', async () => {
		const key = new TextEncoder().encode(TEST_TICKET_SECRET);
		const now = Math.floor(Date.now() / 1000);
		const expired = await new SignJWT({ role: 'admin', districts: [], merchants: [] })
			.setProtectedHeader({ alg: 'HS256' })
			.setSubject('old')
			.setIssuer('fs-web')
			.setAudience('fs-video')
			.setIssuedAt(now - 200)
			.setExpirationTime(now - 60)
			.sign(key);
		const forged = await new SignJWT({ role: 'admin', districts: [], merchants: [] })
			.setProtectedHeader({ alg: 'HS256' })
			.setSubject('mallory')
			.setIssuer('fs-web')
			.setAudience('fs-video')
			.setIssuedAt()
			.setExpirationTime('2m')
			.sign(new TextEncoder().encode('another-secret-of-sufficient-length-000'));
		for (const ticket of [expired, forged, await ticketFor(undefined, 'gateway'), 'garbage']) {
			expect(await refusal('cam-public', ticket)).toEqual({
				code: videoCloseCodes.unauthorized,
				bytes: 0
			});
		}
		expect((await refusal('nope', await videoTicket(supervisor('370102')))).code).toBe(4404);
	});

	it('video access - the public cap per camera: the third diner is refused 4429, a regulator is not counted', async () => {
		const diners = [openViewer(video.wsUrl, 'cam-public'), openViewer(video.wsUrl, 'cam-public')];
		await Promise.all(diners.map((d) => d.received(188 * 10, 20_000)));
		expect((await refusal('cam-public')).code).toBe(videoCloseCodes.full);
		expect(await plays('cam-public', await videoTicket(supervisor('370102')))).toBe(true);
		for (const d of diners) d.close();
		await Promise.all(diners.map((d) => d.closed));
		await eventually(
			async () => {
				const h = (await (await fetch(`${video.url}/healthz`)).json()) as {
					viewers: Record<string, { public: number }>;
				};
				return (h.viewers['cam-public']?.public ?? 0) === 0 ? true : undefined;
			},
			5_000,
			'the diners to be counted out'
		);
		expect(await plays('cam-public')).toBe(true);
	});

	it('video access - a camera turned private drops its diners (4403)', async () => {
		await registerCamera(js, 'cam-turning', 'm-a', { publicView: true });
		await eventually(
			async () =>
				(await fetch(`${video.url}/snapshot/cam-turning`)).status === 200 ? true : undefined,
			20_000,
			'the camera to be known'
		);
		const diner = openViewer(video.wsUrl, 'cam-turning');
		await diner.received(188 * 10, 20_000);
		await publishEvent(
			js,
			makeEvent({
				type: 'camera.updated',
				merchantId: 'm-a',
				districtId: '370102',
				actor: { kind: 'merchant', id: 'owner-m-a' },
				payload: { cameraId: 'cam-turning', publicView: false }
			})
		);
		expect((await diner.closed).code).toBe(videoCloseCodes.forbidden);
	});

	it('video access - snapshots: a JPEG for whoever may watch, JSON 403/404/401 otherwise', async () => {
		const ok = await fetch(
			`${video.url}/snapshot/cam-private?ticket=${await videoTicket(owner('m-a'))}`
		);
		expect(ok.status).toBe(200);
		expect(ok.headers.get('content-type')).toBe('image/jpeg');
		const jpeg = Buffer.from(await ok.arrayBuffer());
		expect(jpeg[0]).toBe(0xff);
		expect(jpeg[1]).toBe(0xd8);
		const refused = await fetch(`${video.url}/snapshot/cam-private`);
		expect(refused.status).toBe(403);
		expect(((await refused.json()) as { error: string }).error).toBeTruthy();
		expect((await fetch(`${video.url}/snapshot/nope`)).status).toBe(404);
		expect((await fetch(`${video.url}/snapshot/cam-public?ticket=garbage`)).status).toBe(401);
	});

	it('video access - a viewer that stops reading is dropped while another keeps playing', async () => {
		// A high bitrate fills the kernel's socket buffers (megabytes on loopback) sooner.
		const busy = await startVideo({
			natsUrl: nats.url,
			env: { VIDEO_BITRATE_KBPS: '8000', MAX_BACKPRESSURE_BYTES: '65536' }
		});
		try {
			const ticket = await videoTicket(supervisor('370102'));
			const slow = openViewer(busy.wsUrl, 'cam-public', ticket);
			const fast = openViewer(busy.wsUrl, 'cam-public', ticket);
			await slow.received(188, 20_000);
			// Stop reading: the kernel buffers fill, then the server's.
			slow.ws.pause();
			await eventually(
				async () => {
					const h = (await (await fetch(`${busy.url}/healthz`)).json()) as {
						viewers: Record<string, { viewers: number }>;
					};
					return h.viewers['cam-public']?.viewers === 1 ? true : undefined;
				},
				90_000,
				'the slow viewer to be dropped'
			);
			const at = fast.bytes().length;
			await fast.received(at + 50_000, 15_000);
			slow.ws.resume();
			// 4408 when the close frame gets through behind the backlog; 1006 when the server had to
			// cut the connection first. Either way the player reconnects.
			expect([videoCloseCodes.slow, 1006]).toContain((await slow.closed).code);
			fast.close();
		} finally {
			await busy.stop();
		}
	});

	it('video access - a removed camera’s recordings stay viewable by its regulators (evidence)', async () => {
		await registerCamera(js, 'cam-gone', 'm-a', { publicView: true });
		await eventually(
			async () =>
				(await fetch(`${video.url}/snapshot/cam-gone`)).status === 200 ? true : undefined,
			20_000,
			'the camera to be known'
		);
		// A recorded minute, as the recorder names it (the timeline reads names only).
		const endMs = Date.now() - 60_000;
		const startMs = endMs - 60_000;
		const day = localDay(startMs, 'Asia/Shanghai');
		await mkdir(join(video.dir, 'rec', 'cam-gone', day), { recursive: true });
		await writeFile(
			join(video.dir, 'rec', 'cam-gone', day, segmentFileName(startMs, endMs)),
			Buffer.alloc(10)
		);
		await publishEvent(
			js,
			makeEvent({
				type: 'camera.removed',
				merchantId: 'm-a',
				districtId: '370102',
				actor: { kind: 'merchant', id: 'owner-m-a' },
				payload: { cameraId: 'cam-gone' }
			})
		);
		await eventually(
			async () =>
				(await fetch(`${video.url}/snapshot/cam-gone`)).status === 404 ? true : undefined,
			20_000,
			'the camera to be removed'
		);
		const recordings = (ticket: string) =>
			fetch(`${video.url}/recordings/cam-gone?day=${day}&ticket=${encodeURIComponent(ticket)}`);
		const res = await recordings(await videoTicket(supervisor('370102')));
		expect(res.status).toBe(200);
		expect(((await res.json()) as { spans: unknown[] }).spans).toEqual([{ startMs, endMs }]);
		expect((await recordings(await videoTicket(supervisor('370103')))).status).toBe(403);
		// Live is gone with the camera.
		expect((await refusal('cam-gone', await videoTicket(supervisor('370102')))).code).toBe(
			videoCloseCodes.unknown
		);
	});

	it('video access - /healthz: counts for anyone, camera ids and pids only for this machine', async () => {
		const local = (await (await fetch(`${video.url}/healthz`)).json()) as Record<string, unknown>;
		expect(local.viewers).toBeTypeOf('object');
		expect(Array.isArray(local.sources)).toBe(true);
		const lan = Object.values(networkInterfaces())
			.flat()
			.find((a) => a && !a.internal && a.family === 'IPv4');
		if (!lan) return; // No other address to come from on this machine.
		const open = await startVideo({ natsUrl: nats.url, env: { VIDEO_HOST: '0.0.0.0' } });
		try {
			const res = await fetch(`http://${lan.address}:${open.port}/healthz`);
			expect(res.status).toBe(200);
			const body = (await res.json()) as Record<string, unknown>;
			expect(Object.keys(body).sort()).toEqual(['cameras', 'ok', 'sources', 'viewers']);
			expect(body).toMatchObject({ ok: true, sources: 0, viewers: 0 });
			expect(body.cameras).toBeTypeOf('number');
		} finally {
			await open.stop();
		}
	});

	it('video access - a socket lives as long as its ticket (4401) unless the player sends a fresh one', async () => {
		const claims = supervisor('370102');
		const short = () => signTicket(claims, TEST_TICKET_SECRET, 'video', 2);
		const lapsing = openViewer(video.wsUrl, 'cam-private', await short());
		const renewed = openViewer(video.wsUrl, 'cam-private', await short());
		await Promise.all([lapsing.received(188, 20_000), renewed.received(188, 20_000)]);
		renewed.ws.send(JSON.stringify({ ticket: await videoTicket(claims) }));
		expect((await lapsing.closed).code).toBe(videoCloseCodes.unauthorized);
		const at = renewed.bytes().length;
		await renewed.received(at + 20_000, 15_000);
		renewed.close();
	});
});

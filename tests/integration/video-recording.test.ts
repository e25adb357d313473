import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import uWS from 'uWebSockets.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TicketClaims } from '../../src/lib/domain/auth/claims';
import { localDay } from '../../src/lib/domain/time';
import type { Camera } from '../../src/lib/domain/video/camera';
import { recordingDay, videoCloseCodes } from '../../src/lib/domain/video/protocol';
import { pidsWith } from '../../video-wall/sources/marker';
import { playbackRoutes } from '../../video-wall/playback/playback-routes';
import { createRecorder, type Recorder } from '../../video-wall/recorder/recorder';
import { sweepOnce } from '../../video-wall/recorder/retention-sweeper';
import { listSegments, PART_DIR, recoverParts } from '../../video-wall/recorder/segment-store';
import { segmentFileName } from '../../video-wall/recorder/segments';
import { ticketFor } from '../helpers/tickets';
import { frameTimes, videoCodecOf } from '../helpers/ts-frames';
import { openViewer } from '../helpers/video-viewer';

const TZ = 'Asia/Shanghai';
const tag = `fsvb${process.pid}x${Math.floor(Math.random() * 1e6)}`;
const camera: Camera = {
	cameraId: 'cam-rec',
	merchantId: 'm-rec',
	districtId: '370102',
	name: '后厨',
	area: 'cooking',
	source: { kind: 'test_pattern' },
	publicView: true,
	recording: true,
	retentionDays: 7,
	status: 'online',
	updatedAt: new Date().toISOString()
};
const merchant = (id: string): TicketClaims => ({
	sub: `owner-${id}`,
	role: 'merchant_owner',
	districts: [],
	merchants: [id]
});

async function until<T>(
	what: string,
	get: () => Promise<T> | T,
	ok: (v: T) => boolean,
	ms = 30_000
) {
	const end = Date.now() + ms;
	for (;;) {
		const v = await get();
		if (ok(v)) return v;
		if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 200));
	}
}

describe('video recording and playback', () => {
	let dir: string;
	let recDir: string;
	let recorder: Recorder;
	let routes: ReturnType<typeof playbackRoutes>;
	let listen: uWS.us_listen_socket;
	let base: string;
	let wsBase: string;

	beforeAll(async () => {
		dir = await mkdtemp(join(tmpdir(), 'fs-rec-'));
		recDir = join(dir, 'rec');
		recorder = createRecorder({
			recDir,
			segmentSeconds: 2,
			timeZone: TZ,
			testPattern: { width: 640, height: 360 },
			marker: (id) => `${tag}.${id}.record`,
			backoff: { minMs: 200, maxMs: 1_000 },
			log: () => {}
		});
		recorder.sync([camera]);
		const app = uWS.App();
		routes = playbackRoutes(app, {
			recDir,
			timeZone: TZ,
			ticketSecret: (await import('../helpers/tickets')).TEST_TICKET_SECRET,
			camera: (id) => (id === camera.cameraId ? camera : undefined),
			tile: { width: 640, height: 360 },
			marker: (id, role) => `${tag}.${id}.${role}`,
			log: () => {}
		});
		listen = await new Promise((resolve, reject) =>
			app.listen('127.0.0.1', 0, (s) => (s ? resolve(s) : reject(new Error('cannot listen'))))
		);
		const port = uWS.us_socket_local_port(listen);
		base = `http://127.0.0.1:${port}`;
		wsBase = `ws://127.0.0.1:${port}`;
		// Four whole two-second segments: eight seconds of recording.
		await until(
			'4 segments',
			() => listSegments(recDir, camera.cameraId),
			(s) => s.length >= 4
		);
	});

	afterAll(async () => {
		await recorder?.stop();
		await routes?.close();
		if (listen) uWS.us_listen_socket_close(listen);
		expect(pidsWith(tag)).toEqual([]);
		await rm(dir, { recursive: true, force: true });
	});

	it('recording - a segment is named by the wall clock of its first frame', async () => {
		const segments = await listSegments(recDir, camera.cameraId);
		for (const s of segments.slice(1, 3)) {
			const bytes = await fetchClip(s.startMs + 100, s.startMs + 1_000, 'ts');
			const [first] = (await frameTimes(bytes)).filter((t) => t !== null);
			expect(Math.abs(first! - s.startMs)).toBeLessThan(300);
		}
	});

	it('playback - from a time shows the frame recorded at that time, then moves on', async () => {
		const segments = await listSegments(recDir, camera.cameraId);
		const from = segments[1]!.startMs + 700;
		const ticket = await ticketFor(merchant(camera.merchantId), 'video');
		const url = `${wsBase}/playback/${camera.cameraId}?from=${from}&speed=1&ticket=${encodeURIComponent(ticket)}`;
		const player = openViewerAt(url);
		const bytes = await player.received(300_000);
		player.close();
		const times = (await frameTimes(bytes)).filter((t): t is number => t !== null);
		expect(times.length).toBeGreaterThan(10);
		expect(Math.abs(times[0]! - from)).toBeLessThan(500);
		expect(times.at(-1)!).toBeGreaterThan(times[0]!);
		await until(
			'its ffmpeg gone',
			() => pidsWith(`${tag}.${camera.cameraId}.playback`),
			(p) => p.length === 0,
			5_000
		);
	});

	it('playback - faster than real time at speed 8, and the socket ends with the recording', async () => {
		const segments = await listSegments(recDir, camera.cameraId);
		const from = segments[0]!.startMs;
		const recordedMs = Date.now() - from;
		const ticket = await ticketFor(undefined, 'video');
		const t0 = Date.now();
		const player = openViewerAt(
			`${wsBase}/playback/${camera.cameraId}?from=${from}&speed=8&ticket=${encodeURIComponent(ticket)}`
		);
		const closed = await player.closed;
		expect(closed.code).toBe(videoCloseCodes.ended);
		expect(Date.now() - t0).toBeLessThan(recordedMs / 2);
		const times = (await frameTimes(player.bytes())).filter((t): t is number => t !== null);
		// Every recorded second is there, compressed eightfold (25 fps out: ~3 frames a second of recording).
		expect(times.at(-1)! - times[0]!).toBeGreaterThan(segments.length * 2_000 - 3_000);
	});

	it('playback - refused without a ticket, for another merchant, for an unknown camera', async () => {
		const from = Date.now() - 5_000;
		const path = (id: string, ticket?: string) =>
			`${wsBase}/playback/${id}?from=${from}${ticket ? `&ticket=${encodeURIComponent(ticket)}` : ''}`;
		expect((await openViewerAt(path(camera.cameraId)).closed).code).toBe(4401);
		const other = await ticketFor(merchant('m-other'), 'video');
		expect((await openViewerAt(path(camera.cameraId, other)).closed).code).toBe(4403);
		const admin = await ticketFor(undefined, 'video');
		expect((await openViewerAt(path('cam-none', admin)).closed).code).toBe(4404);
		// A read-api ticket is not a video ticket.
		const wrongAudience = await ticketFor(undefined, 'read-api');
		expect((await openViewerAt(path(camera.cameraId, wrongAudience)).closed).code).toBe(4401);
		// A query it cannot use, and a time after the recording: final closes, never retried.
		const bad = `${wsBase}/playback/${camera.cameraId}?from=soon&ticket=${encodeURIComponent(admin)}`;
		expect((await openViewerAt(bad).closed).code).toBe(videoCloseCodes.badRequest);
		const later = `${wsBase}/playback/${camera.cameraId}?from=${Date.now() + 3_600_000}&ticket=${encodeURIComponent(admin)}`;
		expect((await openViewerAt(later).closed).code).toBe(videoCloseCodes.ended);
		const day = localDay(Date.now(), TZ);
		expect((await fetch(`${base}/recordings/${camera.cameraId}?day=${day}`)).status).toBe(401);
		const refused = await fetch(`${base}/recordings/${camera.cameraId}?day=${day}&ticket=${other}`);
		expect(refused.status).toBe(403);
		// A refusal reaches the page too (else it sees only a CORS error).
		expect(refused.headers.get('access-control-allow-origin')).toBe('*');
	});

	it('playback - at most 4 playbacks and clips per viewer: the fifth is refused 4429, a clip 429', async () => {
		const segments = await listSegments(recDir, camera.cameraId);
		const ticket = await ticketFor(merchant(camera.merchantId), 'video');
		const url = `${wsBase}/playback/${camera.cameraId}?from=${segments[0]!.startMs}&speed=1&ticket=${encodeURIComponent(ticket)}`;
		const four = [1, 2, 3, 4].map(() => openViewerAt(url));
		await Promise.all(four.map((p) => p.received(188)));
		expect((await openViewerAt(url).closed).code).toBe(videoCloseCodes.full);
		const clip = await fetch(
			`${base}/recordings/${camera.cameraId}/clip?from=${segments[0]!.startMs}&to=${segments[1]!.endMs}&ticket=${ticket}`
		);
		expect(clip.status).toBe(429);
		// Another viewer is not held back by this one.
		const other = openViewerAt(
			url.replace(
				encodeURIComponent(ticket),
				encodeURIComponent(await ticketFor(undefined, 'video'))
			)
		);
		await other.received(188);
		for (const p of [...four, other]) p.close();
		await Promise.all([...four, other].map((p) => p.closed));
		// Slots come back with the sockets.
		const again = openViewerAt(url);
		await again.received(188);
		again.close();
	});

	it('recordings - the day is one span from the first segment to the last', async () => {
		const segments = await listSegments(recDir, camera.cameraId);
		const ticket = await ticketFor(merchant(camera.merchantId), 'video');
		const day = localDay(segments[0]!.startMs, TZ);
		const res = await fetch(`${base}/recordings/${camera.cameraId}?day=${day}&ticket=${ticket}`);
		expect(res.status).toBe(200);
		// The web app on another origin fetches it.
		expect(res.headers.get('access-control-allow-origin')).toBe('*');
		const body = recordingDay.parse(await res.json());
		expect(body.spans).toHaveLength(1);
		expect(body.spans[0]!.startMs).toBe(segments[0]!.startMs);
		expect(body.spans[0]!.endMs).toBeGreaterThanOrEqual(segments.at(-1)!.endMs);
	});

	it('clip - a span in the original quality, as MP4 a browser plays', async () => {
		const segments = await listSegments(recDir, camera.cameraId);
		const bytes = await fetchClip(segments[0]!.startMs, segments[2]!.endMs, 'mp4');
		expect(bytes.subarray(4, 8).toString()).toBe('ftyp');
		expect(await videoCodecOf(bytes)).toBe('h264');
	});

	it('recorder - restarts after its ffmpeg is killed; the killed run leaves no part behind', async () => {
		const marker = `${tag}.${camera.cameraId}.record`;
		const [pid] = await until(
			'a recorder',
			() => pidsWith(marker),
			(p) => p.length === 1
		);
		const partDir = join(recDir, camera.cameraId, PART_DIR);
		const [killedPart] = await until(
			'a part',
			() => readdir(partDir),
			(p) => p.length > 0
		);
		process.kill(pid!, 'SIGKILL');
		await until(
			'a new recorder',
			() => pidsWith(marker),
			(p) => p.length === 1 && p[0] !== pid
		);
		expect(recorder.status()[0]?.restarts).toBeGreaterThanOrEqual(1);
		const runOf = (part: string) => part.split('-')[0];
		expect((await readdir(partDir)).map(runOf)).not.toContain(runOf(killedPart!));
	});

	it('recorder - a segment cut by a crash is kept up to the cut', async () => {
		const [whole] = await listSegments(recDir, camera.cameraId);
		const bytes = await readFile(join(recDir, whole!.path));
		const crashed = 'cam-crashed';
		await mkdir(join(recDir, crashed, PART_DIR), { recursive: true });
		// A second of a two-second segment, cut mid-fragment, last written a minute ago.
		const part = join(recDir, crashed, PART_DIR, 'rold-00007.mp4');
		await writeFile(part, bytes.subarray(0, Math.floor(bytes.length * 0.7)));
		const lastWrite = new Date(Date.now() - 60_000);
		await utimes(part, lastWrite, lastWrite);
		await recoverParts(recDir, crashed, TZ);
		const [kept, ...more] = await listSegments(recDir, crashed);
		expect(more).toEqual([]);
		expect(await readdir(join(recDir, crashed, PART_DIR))).toEqual([]);
		expect(kept!.endMs).toBe(lastWrite.getTime());
		const seconds = (kept!.endMs - kept!.startMs) / 1000;
		expect(seconds).toBeGreaterThanOrEqual(0.9);
		expect(seconds).toBeLessThan(2);
		expect(await videoCodecOf(await readFile(join(recDir, kept!.path)))).toBe('h264');
	});

	it('recorder - stops when recording is switched off, leaving no ffmpeg', async () => {
		recorder.sync([{ ...camera, recording: false }]);
		await until(
			'no recorder',
			() => pidsWith(`${tag}.${camera.cameraId}.record`),
			(p) => p.length === 0,
			10_000
		);
		recorder.sync([camera]);
		await until(
			'a recorder again',
			() => pidsWith(`${tag}.${camera.cameraId}.record`),
			(p) => p.length === 1,
			10_000
		);
	});

	async function fetchClip(from: number, to: number, format: 'mp4' | 'ts'): Promise<Buffer> {
		const ticket = await ticketFor(undefined, 'video');
		const res = await fetch(
			`${base}/recordings/${camera.cameraId}/clip?from=${from}&to=${to}&format=${format}&ticket=${ticket}`
		);
		expect(res.status).toBe(200);
		expect(res.headers.get('access-control-allow-origin')).toBe('*');
		return Buffer.from(await res.arrayBuffer());
	}

	function openViewerAt(url: string) {
		const u = new URL(url);
		const [, , id] = u.pathname.split('/');
		const v = openViewer(
			`${u.protocol}//${u.host}`,
			`${id}?${u.searchParams.toString()}`,
			undefined,
			'playback'
		);
		return v;
	}
});

describe('video retention', () => {
	const DAY = 86_400_000;

	it('retention - deletes what is older than allowed and nothing newer; the quota takes the oldest', async () => {
		const recDir = await mkdtemp(join(tmpdir(), 'fs-ret-'));
		const now = Date.now();
		const write = async (cameraId: string, endMs: number, bytes: number) => {
			const startMs = endMs - 60_000;
			const day = localDay(startMs, TZ);
			await mkdir(join(recDir, cameraId, day), { recursive: true });
			const path = join(recDir, cameraId, day, segmentFileName(startMs, endMs));
			await writeFile(path, Buffer.alloc(bytes));
			return `${cameraId}/${day}/${segmentFileName(startMs, endMs)}`;
		};
		const aOld = await write('cam-a', now - 3 * DAY - 1_000, 10);
		const aKept = await write('cam-a', now - 3 * DAY + 60_000, 10);
		const bSameAge = await write('cam-b', now - 3 * DAY - 1_000, 10);
		// Being written: counts against the quota, is never deleted.
		await mkdir(join(recDir, 'cam-a', PART_DIR), { recursive: true });
		await writeFile(join(recDir, 'cam-a', PART_DIR, 'r1-00001.mp4'), Buffer.alloc(10));
		await utimes(join(recDir, 'cam-a', PART_DIR, 'r1-00001.mp4'), new Date(0), new Date(0));

		const byAge = await sweepOnce({
			recDir,
			retentionDays: (id) => (id === 'cam-a' ? 3 : 7),
			quotaBytes: 0,
			log: () => {}
		});
		expect(byAge.map((d) => d.path)).toEqual([aOld]);
		expect((await listSegments(recDir, 'cam-a')).map((s) => s.path)).toEqual([aKept]);

		const recent = await write('cam-b', now - 60_000, 10);
		const byQuota = await sweepOnce({
			recDir,
			retentionDays: () => 7,
			quotaBytes: 30,
			log: () => {}
		});
		// 10 (part) + 30 finished > 30: the oldest finished one goes (cam-b's), then it fits.
		expect(byQuota.map((d) => [d.path, d.reason])).toEqual([[bSameAge, 'quota']]);
		expect((await listSegments(recDir, 'cam-b')).map((s) => s.path)).toEqual([recent]);
		expect(await readdir(join(recDir, 'cam-a', PART_DIR))).toEqual(['r1-00001.mp4']);
		await rm(recDir, { recursive: true, force: true });
	});
});

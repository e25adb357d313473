import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { connectNats } from '../src/lib/server/backbone/connect';
import { publishEvent } from '../src/lib/server/backbone/publisher';
import { ensureStreams } from '../src/lib/server/backbone/streams';
import {
	decodeTimecode,
	TIMECODE,
	timecodeMs,
	timecodeSamplePoint
} from '../src/lib/domain/video/timecode';
import { registerCamera } from '../tests/helpers/cameras';
import { registered } from '../tests/helpers/events';
import { startNats } from '../tests/helpers/nats-server';
import { ticketFor } from '../tests/helpers/tickets';
import { startVideo, type TestVideo } from '../tests/helpers/video';
import { openViewer, type TestViewer } from '../tests/helpers/video-viewer';

// `npm run bench:video`: what the video service costs on this machine, as JSON.
//  (a) 50 viewers of one camera: encoder processes (must be 1), encoder and service CPU;
//  (b) 16 test-pattern cameras at 640×360, one viewer each: total encoder CPU;
//  (c) latency glass-to-viewer: the machine timecode in frames decoded as they arrive (with the 16
//      cameras running), and the time to the first decoded picture of a new viewer.
// Browser-side figures (decoded frame rate per tile in Chromium) are the player's bench.

const { values } = parseArgs({
	options: {
		viewers: { type: 'string', default: '50' },
		cameras: { type: 'string', default: '16' },
		seconds: { type: 'string', default: '10' }
	}
});
const VIEWERS = Number(values.viewers);
const CAMERAS = Number(values.cameras);
const WINDOW_MS = Number(values.seconds) * 1000;
const TICKS = 100; // USER_HZ on Linux

/** CPU seconds (user + system) a process has used so far. */
function cpuSeconds(pid: number): number {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		return (Number(fields[11]) + Number(fields[12])) / TICKS;
	} catch {
		return 0;
	}
}

/** Percent of one core each process used over the window. */
async function cpuOver(pids: number[], ms: number): Promise<number[]> {
	const before = pids.map(cpuSeconds);
	await new Promise((r) => setTimeout(r, ms));
	return pids.map((pid, i) => ((cpuSeconds(pid) - (before[i] ?? 0)) / (ms / 1000)) * 100);
}

const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const pct = (xs: number[], p: number) => {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.floor((s.length - 1) * p))] ?? NaN;
};

/** Decodes a viewer's bytes as they arrive; calls back with each frame's timecode age (ms). */
function decodeLive(
	viewer: TestViewer,
	onFrame: (ages: { decodedMs: number; deliveredMs?: number } | null) => void
): () => void {
	// When each video PES (one per frame) reached us, by its PTS; the decoder reports each frame's
	// PTS (showinfo), so a decoded frame's timecode meets the arrival of its own bytes.
	const arrivedAt = new Map<number, number>();
	const note = (data: Buffer, at: number) => {
		for (let i = 0; i + 188 <= data.length; i += 188) {
			const p = data.subarray(i, i + 188);
			const b1 = p[1] ?? 0;
			if (p[0] !== 0x47 || !(b1 & 0x40) || (((b1 & 0x1f) << 8) | (p[2] ?? 0)) !== 0x100) continue;
			const afc = ((p[3] ?? 0) >> 4) & 3;
			const o = afc & 2 ? 5 + (p[4] ?? 0) : 4;
			if (o + 14 > 188 || !((p[o + 7] ?? 0) & 0x80)) continue;
			const b = (k: number) => p[o + 9 + k] ?? 0;
			const pts =
				((b(0) >> 1) & 0x07) * 2 ** 30 +
				((b(1) << 7) | (b(2) >> 1)) * 2 ** 15 +
				((b(3) << 7) | (b(4) >> 1));
			arrivedAt.set(pts, at);
		}
	};
	const framePts: number[] = [];
	let log = '';
	let frames = 0;
	const ff = spawn(
		'ffmpeg',
		[
			...['-v', 'info', '-fflags', 'nobuffer', '-flags', 'low_delay'],
			...['-probesize', '32', '-analyzeduration', '0', '-f', 'mpegts', '-i', 'pipe:0'],
			...['-copyts', '-vf', 'showinfo', '-fps_mode', 'passthrough'],
			...['-f', 'rawvideo', '-pix_fmt', 'gray', 'pipe:1']
		],
		{ stdio: ['pipe', 'pipe', 'pipe'] }
	);
	ff.stderr.on('data', (d: Buffer) => {
		const lines = (log + d.toString()).split('\n');
		log = lines.pop() ?? '';
		for (const line of lines) {
			const m = / n:\s*\d+ pts:\s*(\d+)/.exec(line);
			if (m) framePts.push(Number(m[1]));
		}
	});
	const size = 640 * 360;
	let pending = Buffer.alloc(0);
	ff.stdout.on('data', (d: Buffer) => {
		pending = Buffer.concat([pending, d]);
		while (pending.length >= size) {
			const frame = pending.subarray(0, size);
			pending = pending.subarray(size);
			const luma = Array.from({ length: TIMECODE.bits }, (_, i) => {
				const { x, y } = timecodeSamplePoint(i);
				return frame[y * 640 + x] ?? 0;
			});
			const v = decodeTimecode(luma);
			const now = Date.now();
			const k = frames++;
			if (v === null) onFrame(null);
			else {
				const made = timecodeMs(v, now);
				const pts = framePts[k];
				const delivered = pts === undefined ? undefined : arrivedAt.get(pts);
				onFrame({ decodedMs: now - made, deliveredMs: delivered && delivered - made });
			}
		}
	});
	ff.stdin.on('error', () => {});
	const already = viewer.bytes();
	note(already, Date.now());
	ff.stdin.write(already);
	const forward = (data: Buffer, isBinary: boolean) => {
		if (!isBinary) return;
		note(data, Date.now());
		ff.stdin.write(data);
	};
	viewer.ws.on('message', forward);
	return () => {
		viewer.ws.off('message', forward);
		ff.kill('SIGKILL');
	};
}

/** The video elementary stream in TS bytes (PID 0x100, ffmpeg's default), PES headers dropped. */
function videoEs(ts: Buffer): Buffer {
	const parts: Buffer[] = [];
	for (let at = 0; at + 188 <= ts.length; at += 188) {
		const p = ts.subarray(at, at + 188);
		if (p[0] !== 0x47 || (((p[1] ?? 0) & 0x1f) << 8) + (p[2] ?? 0) !== 0x100) continue;
		const afc = ((p[3] ?? 0) >> 4) & 3;
		let o = afc & 2 ? 5 + (p[4] ?? 0) : 4;
		if (!(afc & 1) || o >= 188) continue;
		if ((p[1] ?? 0) & 0x40) o += 9 + (p[o + 8] ?? 0);
		parts.push(p.subarray(o));
	}
	return Buffer.concat(parts);
}

/**
 * Time from opening a socket to holding a whole keyframe (sequence header, the I-picture, and the
 * start of the next picture, which is when jsmpeg decodes it): the first picture of a tile,
 * without the start-up of a decoder process.
 */
async function firstPicture(video: TestVideo, cameraId: string, ticket: string): Promise<number> {
	const opened = Date.now();
	const viewer = openViewer(video.wsUrl, cameraId, ticket);
	const until = opened + 15_000;
	for (;;) {
		const es = videoEs(viewer.bytes());
		const seq = es.indexOf(Buffer.from([0, 0, 1, 0xb3]));
		const picture = seq < 0 ? -1 : es.indexOf(Buffer.from([0, 0, 1, 0]), seq);
		if (picture >= 0 && es.indexOf(Buffer.from([0, 0, 1, 0]), picture + 4) >= 0) break;
		if (Date.now() > until) throw new Error('no whole keyframe in 15 s');
		await new Promise((r) => setTimeout(r, 2));
	}
	viewer.close();
	return Date.now() - opened;
}

const nats = await startNats();
const nc = await connectNats(nats.url, 'bench-video');
await ensureStreams(await jetstreamManager(nc));
const js = jetstream(nc);
for (let i = 0; i < CAMERAS; i++) {
	const merchantId = `m-${i}`;
	await publishEvent(js, registered(merchantId, '370102', `测试餐馆${i + 1}号`));
	await registerCamera(js, `cam-${i}`, merchantId);
}
const video = await startVideo({ natsUrl: nats.url, env: { LINGER_SECONDS: '30' } });
const servicePid = video.child.pid ?? 0;
// Regulators at a wall: a ticket of the district (diners would meet the public cap).
const ticket = await ticketFor(
	{ sub: 'bench', role: 'supervisor', districts: ['370102'], merchants: [] },
	'video'
);
const out: Record<string, unknown> = {
	machine: { cores: 2, loadavgBefore: loadavg().map((l) => round(l, 2)) }
};
try {
	// (a) many viewers, one camera.
	const crowd = Array.from({ length: VIEWERS }, () => openViewer(video.wsUrl, 'cam-0', ticket));
	await Promise.all(crowd.map((v) => v.received(188 * 20, 30_000)));
	await new Promise((r) => setTimeout(r, 2_000));
	const encoders = video.ffmpegPids('cam-0', 'live');
	const [encoderCpu = 0, serviceCpu = 0] = await cpuOver([encoders[0] ?? 0, servicePid], WINDOW_MS);
	const bytes = crowd.map((v) => v.bytes().length);
	out.oneCameraManyViewers = {
		viewers: VIEWERS,
		encoderProcesses: encoders.length,
		encoderCpuPct: round(encoderCpu),
		serviceCpuPct: round(serviceCpu),
		slowestViewerBytes: Math.min(...bytes),
		fastestViewerBytes: Math.max(...bytes)
	};
	for (const v of crowd) v.close();

	// (b) 16 cameras, one viewer each (cam-0 keeps running: it lingers).
	const wall = Array.from({ length: CAMERAS }, (_, i) =>
		openViewer(video.wsUrl, `cam-${i}`, ticket)
	);
	await Promise.all(wall.map((v) => v.received(188 * 20, 30_000)));
	await new Promise((r) => setTimeout(r, 3_000));
	const pids = video.ffmpegPids(undefined).filter((p) => p !== servicePid);
	// (c) latency, measured while the wall runs.
	const decoded: number[] = [];
	const delivered: number[] = [];
	const fresh = openViewer(video.wsUrl, `cam-${CAMERAS - 1}`, ticket);
	await fresh.received(188, 10_000);
	const stopDecode = decodeLive(fresh, (age) => {
		if (!age) return;
		decoded.push(age.decodedMs);
		if (age.deliveredMs !== undefined) delivered.push(age.deliveredMs);
	});
	const cpus = await cpuOver([...pids, servicePid], WINDOW_MS);
	stopDecode();
	const encoderCpus = cpus.slice(0, pids.length);
	out.wall = {
		cameras: CAMERAS,
		encoderProcesses: pids.length,
		encodersCpuPctTotal: round(sum(encoderCpus)),
		encoderCpuPctEach: round(sum(encoderCpus) / Math.max(1, pids.length)),
		serviceCpuPct: round(cpus.at(-1) ?? 0)
	};
	// The first second is the primer (the GOP so far, older by design); then steady state.
	const stats = (xs: number[]) => {
		const steady = xs.slice(30);
		return {
			frames: steady.length,
			medianMs: round(pct(steady, 0.5), 0),
			p95Ms: round(pct(steady, 0.95), 0),
			maxMs: round(Math.max(...steady), 0)
		};
	};
	out.latency = {
		madeToDeliveredOverWs: stats(delivered),
		madeToDecodedByLocalFfmpeg: stats(decoded),
		note: 'made = the burned-in timecode; delivered = its PES reached the WebSocket client; decoded adds an ffmpeg decoder process (not the browser)'
	};
	fresh.close();
	for (const v of wall) v.close();
	out.firstPicture = {
		runningCameraMs: await firstPicture(video, 'cam-0', ticket),
		coldCameraMs: await (async () => {
			await registerCamera(js, 'cam-cold', 'm-0');
			await new Promise((r) => setTimeout(r, 500));
			return firstPicture(video, 'cam-cold', ticket);
		})()
	};
	out.machine = { ...(out.machine as object), loadavgAfter: loadavg().map((l) => round(l, 2)) };
	console.log(JSON.stringify(out, null, 2));
} finally {
	await video.stop();
	await nc.close();
	await nats.stop();
}

import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import type { TemplatedApp, WebSocket } from 'uWebSockets.js';
import { playbackQuery, videoCloseCodes } from '../../src/lib/domain/video/protocol';
import { playFrom } from '../recorder/segments';
import { playbackAccess, refusalCodes, type CameraLookup } from './access';
import { segmentsAround, StreamChildren, StreamSlots } from './ffmpeg-stream';
import { playbackArgs } from './playback-args';
import { recordingsRoutes } from './recordings-routes';

export interface PlaybackDeps {
	/** The recordings folder (`<VIDEO_DIR>/rec`), as the recorder writes it. */
	recDir: string;
	timeZone: string;
	ticketSecret: string;
	/** The camera directory (worker A's, from JetStream). */
	camera: CameraLookup;
	/** What a player tile shows: the size playback is transcoded to. */
	tile: { width: number; height: number };
	/** MPEG-1 bitrate of playback, '800k' by default. */
	bitrate?: string;
	/** Longest evidence clip one request may cut, ms (1 h by default). */
	maxClipMs?: number;
	ffmpegPath?: string;
	/** Tag for playback and clip ffmpegs' command lines (to count this service's children). */
	marker?: (cameraId: string, role: 'playback' | 'clip') => string;
	/** Playbacks and clips at once, per ticket subject and in all (4 and 16 by default). */
	maxStreams?: { perViewer: number; total: number };
	log: (m: string) => void;
}

interface PlaybackSocket {
	cameraId: string;
	query: string;
	child?: ChildProcessWithoutNullStreams;
	closed?: boolean;
	/** Frees this playback's slot (StreamSlots). */
	release?: () => void;
}

/** Buffered bytes at which a socket stops ffmpeg's output (it waits, it is never dropped). */
const HIGH_WATER = 1 << 20;

/**
 * Mounts WS /playback/:cameraId?from=&speed=&ticket= and GET /recordings/:cameraId?day= (and
 * /recordings/:cameraId/clip) on the video service's uWS app. One ffmpeg per playback socket,
 * killed when the socket closes; a slow viewer slows only its own ffmpeg (its output pauses).
 */
export function playbackRoutes(app: TemplatedApp, deps: PlaybackDeps) {
	const children = new StreamChildren(deps.log);
	const slots = new StreamSlots(deps.maxStreams ?? { perViewer: 4, total: 16 });
	const ffmpeg = deps.ffmpegPath ?? 'ffmpeg';

	const start = async (ws: WebSocket<PlaybackSocket>, s: PlaybackSocket) => {
		const q = playbackQuery.safeParse(Object.fromEntries(new URLSearchParams(s.query)));
		if (!q.success) return ws.end(videoCloseCodes.badRequest, 'bad query');
		const { from, speed } = q.data;
		const segments = await segmentsAround(deps.recDir, s.cameraId, from, Date.now(), deps.timeZone);
		if (s.closed) return;
		const plan = playFrom(segments, from);
		// Not 1000: a player retries a normal close; the end of the recording is final.
		if (!plan) return ws.end(videoCloseCodes.ended, 'no recording after this time');
		const child = children.spawn(
			ffmpeg,
			playbackArgs({
				seekSeconds: plan.seekMs / 1000,
				speed,
				tile: deps.tile,
				bitrate: deps.bitrate,
				marker: deps.marker?.(s.cameraId, 'playback')
			}),
			plan.segments
		);
		s.child = child;
		let lastError = '';
		child.stderr.on('data', (d: Buffer) => (lastError = d.toString().trim().slice(-300)));
		child.stdout.on('data', (chunk: Buffer) => {
			if (s.closed) return;
			ws.send(chunk, true);
			if (ws.getBufferedAmount() > HIGH_WATER) child.stdout.pause();
		});
		child.once('close', (code) => {
			if (s.closed) return;
			if (code !== 0) deps.log(`playback ${s.cameraId} failed (${code}): ${lastError}`);
			if (code === 0) ws.end(videoCloseCodes.ended, 'end of recording');
			else ws.end(1011, 'playback failed');
		});
	};

	app.ws<PlaybackSocket>('/playback/:cameraId', {
		compression: 0,
		maxPayloadLength: 1024,
		// Generous: a paused reader must not lose its picture; HIGH_WATER keeps ffmpeg from filling it.
		maxBackpressure: 16 << 20,
		idleTimeout: 60,
		sendPingsAutomatically: true,
		// Upgraded at once; the ticket is checked once open (a refusal is then a close code, before
		// any byte of video). An upgrade answered later, after an await, was now and then dropped
		// by uWS (1006) while other requests were being answered.
		upgrade: (res, req, context) => {
			res.upgrade<PlaybackSocket>(
				{ cameraId: req.getParameter(0) ?? '', query: req.getQuery() ?? '' },
				req.getHeader('sec-websocket-key'),
				req.getHeader('sec-websocket-protocol'),
				req.getHeader('sec-websocket-extensions'),
				context
			);
		},
		open: (ws) => {
			const s = ws.getUserData();
			const ticket = new URLSearchParams(s.query).get('ticket');
			playbackAccess(ticket, s.cameraId, deps)
				.then((a) => {
					if (s.closed) return;
					if (!a.ok) return ws.end(refusalCodes[a.refusal].close, a.refusal);
					s.release = slots.take(a.claims.sub);
					if (!s.release) return ws.end(videoCloseCodes.full, 'too many playbacks');
					return start(ws, s);
				})
				.catch((e: unknown) => {
					deps.log(`playback ${s.cameraId}: ${(e as Error).message}`);
					if (!s.closed) ws.end(1011, 'playback failed');
				});
		},
		drain: (ws) => {
			const s = ws.getUserData();
			if (ws.getBufferedAmount() < HIGH_WATER / 2) s.child?.stdout.resume();
		},
		close: (ws) => {
			const s = ws.getUserData();
			s.closed = true;
			s.child?.kill('SIGKILL');
			s.release?.();
		}
	});

	recordingsRoutes(app, { ...deps, children, slots, ffmpeg });

	return {
		/** ffmpeg children serving playbacks and clips now. */
		get streams() {
			return children.size;
		},
		pids: () => children.pids(),
		/** Kills every playback's and clip's ffmpeg (service shutdown). */
		close: () => children.killAll()
	};
}

import type { HttpResponse, TemplatedApp } from 'uWebSockets.js';
import { z } from 'zod';
import { recordingDay } from '../../src/lib/domain/video/protocol';
import { listSegments } from '../recorder/segment-store';
import { recordingDayOf, segmentsBetween } from '../recorder/segments';
import { playbackAccess, refusalCodes, type CameraLookup } from './access';
import { segmentsAround, type StreamChildren, type StreamSlots } from './ffmpeg-stream';
import { clipArgs } from './playback-args';

interface RecordingsDeps {
	recDir: string;
	timeZone: string;
	ticketSecret: string;
	camera: CameraLookup;
	maxClipMs?: number;
	marker?: (cameraId: string, role: 'playback' | 'clip') => string;
	log: (m: string) => void;
	children: StreamChildren;
	slots: StreamSlots;
	ffmpeg: string;
}

const statusLine: Record<number, string> = {
	200: '200 OK',
	400: '400 Bad Request',
	401: '401 Unauthorized',
	403: '403 Forbidden',
	404: '404 Not Found',
	429: '429 Too Many Requests',
	500: '500 Internal Server Error'
};

function json(res: HttpResponse, status: number, body: unknown) {
	res.cork(() =>
		res
			.writeStatus(statusLine[status] ?? `${status} Error`)
			.writeHeader('content-type', 'application/json; charset=utf-8')
			.writeHeader('cache-control', 'no-store')
			// The web app (another origin) fetches timelines and clips.
			.writeHeader('access-control-allow-origin', '*')
			.end(JSON.stringify(body))
	);
}

const dayQuery = z.object({ day: z.iso.date() });
const clipQuery = z
	.object({
		from: z.coerce.number().int().positive(),
		to: z.coerce.number().int().positive(),
		format: z.enum(['mp4', 'ts']).default('mp4')
	})
	.refine((q) => q.to > q.from, 'to must be after from');

/**
 * A GET whose request is read now (uWS hands it out only synchronously) and answered later,
 * after the ticket check; `handle` answers or streams, unless the client went away.
 */
function guardedGet(
	app: TemplatedApp,
	pattern: string,
	deps: RecordingsDeps,
	handle: (
		res: HttpResponse,
		cameraId: string,
		query: URLSearchParams,
		aborted: () => boolean,
		sub: string
	) => Promise<void>
) {
	app.get(pattern, (res, req) => {
		const cameraId = req.getParameter(0) ?? '';
		const query = new URLSearchParams(req.getQuery() ?? '');
		let aborted = false;
		res.onAborted(() => (aborted = true));
		void playbackAccess(query.get('ticket'), cameraId, deps)
			.then(async (a) => {
				if (aborted) return;
				if (!a.ok) return json(res, refusalCodes[a.refusal].status, { error: a.refusal });
				await handle(res, cameraId, query, () => aborted, a.claims.sub);
			})
			.catch((e: unknown) => {
				deps.log(`${pattern}: ${(e as Error).message}`);
				if (!aborted) json(res, 500, { error: 'internal error' });
			});
	});
}

/** GET /recordings/:cameraId?day= (the day's timeline) and GET /recordings/:cameraId/clip?from=&to=. */
export function recordingsRoutes(app: TemplatedApp, deps: RecordingsDeps): void {
	guardedGet(app, '/recordings/:cameraId', deps, async (res, cameraId, query, aborted) => {
		const q = dayQuery.safeParse({ day: query.get('day') });
		if (!q.success) return json(res, 400, { error: 'day must be YYYY-MM-DD' });
		const segments = await listSegments(deps.recDir, cameraId);
		if (aborted()) return;
		json(
			res,
			200,
			recordingDay.parse(recordingDayOf(cameraId, q.data.day, segments, deps.timeZone))
		);
	});

	// Evidence: the span in the camera's original quality (stream copy), to keep or to watch in
	// the browser's own player.
	guardedGet(
		app,
		'/recordings/:cameraId/clip',
		deps,
		async (res, cameraId, query, aborted, sub) => {
			const q = clipQuery.safeParse(Object.fromEntries(query));
			if (!q.success) return json(res, 400, { error: q.error.issues[0]?.message ?? 'bad query' });
			const release = deps.slots.take(sub);
			if (!release) return json(res, 429, { error: 'too many playbacks and clips at once' });
			try {
				await clip(res, cameraId, q.data, aborted, release);
			} catch (e) {
				release();
				throw e;
			}
		}
	);

	async function clip(
		res: HttpResponse,
		cameraId: string,
		q: z.infer<typeof clipQuery>,
		aborted: () => boolean,
		release: () => void
	) {
		const { from, format } = q;
		const to = Math.min(q.to, from + (deps.maxClipMs ?? 3_600_000));
		const all = await segmentsAround(deps.recDir, cameraId, from, to, deps.timeZone);
		const segments = segmentsBetween(all, from, to);
		const first = segments[0];
		if (aborted() || !first) {
			release();
			if (!aborted()) json(res, 404, { error: 'nothing recorded in this span' });
			return;
		}
		// Copying starts at a keyframe; a segment starts with one, a seek inside one would start
		// at the next (after `from`). Evidence must hold `from`: the clip starts with its segment.
		const child = deps.children.spawn(
			deps.ffmpeg,
			clipArgs({
				durationSeconds: (to - first.startMs) / 1000,
				format,
				marker: deps.marker?.(cameraId, 'clip')
			}),
			segments
		);
		let done = false;
		res.onAborted(() => {
			done = true;
			child.kill('SIGKILL');
		});
		res.cork(() =>
			res
				.writeStatus('200 OK')
				.writeHeader('content-type', format === 'mp4' ? 'video/mp4' : 'video/mp2t')
				.writeHeader('cache-control', 'no-store')
				.writeHeader('access-control-allow-origin', '*')
				// The page reads where the clip starts.
				.writeHeader('access-control-expose-headers', 'x-clip-start')
				// Where the clip really starts (the start of the segment holding `from`), epoch ms.
				.writeHeader('x-clip-start', String(first.startMs))
				.writeHeader(
					'content-disposition',
					`inline; filename="${cameraId}-${from}-${to}.${format}"`
				)
		);
		child.stdout.on('data', (chunk: Buffer) => {
			if (done) return;
			let ok = true;
			res.cork(() => (ok = res.write(chunk)));
			if (!ok) {
				child.stdout.pause();
				res.onWritable(() => {
					child.stdout.resume();
					return true;
				});
			}
		});
		child.once('close', (code) => {
			release();
			if (done) return;
			done = true;
			if (code !== 0) deps.log(`clip ${cameraId} ended with ${code}`);
			res.cork(() => res.end());
		});
	}
}

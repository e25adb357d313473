import { z } from 'zod';
import { entityId } from '../ids';

/**
 * The video service's public surface (video-wall/, VIDEO_PORT, 3002 by default). Browsers reach
 * it directly; every path takes the bearer's signed ticket (audience `video`) as `?ticket=`,
 * since a browser cannot set headers on a WebSocket. No ticket = the public: public cameras only.
 *
 * - WS  /live/:cameraId                 MPEG-TS (MPEG-1 video, 25 fps, GOP 25) for jsmpeg
 * - WS  /playback/:cameraId?from=&speed= the recording from `from` (epoch ms), transcoded for jsmpeg
 * - GET /recordings/:cameraId?day=YYYY-MM-DD  the timeline of that (local) day: `recordingDay`
 * - GET /snapshot/:cameraId             a recent JPEG still (for grids and the wall's fallback tile)
 * - GET /healthz                        the service's health: sources running, viewers
 */
export const videoPaths = {
	live: (cameraId: string) => `/live/${cameraId}`,
	playback: (cameraId: string) => `/playback/${cameraId}`,
	recordings: (cameraId: string) => `/recordings/${cameraId}`,
	snapshot: (cameraId: string) => `/snapshot/${cameraId}`
} as const;

/**
 * Why the service closed a socket (WebSocket close codes 4000–4999 are the application's). A
 * refused socket is accepted and closed at once with one of these, before any byte of video, so
 * the player can say why instead of retrying in silence.
 */
export const videoCloseCodes = {
	/** A playback reached the end of the recording (or there is none after `from`): stop, don't retry. */
	ended: 4100,
	/** A query the service cannot use (bad `from`, `speed`). */
	badRequest: 4400,
	/** No valid ticket where one is needed, or it expired: fetch a new one. */
	unauthorized: 4401,
	/** The ticket does not allow this camera. */
	forbidden: 4403,
	/** No such camera (or removed). */
	unknown: 4404,
	/** Too many public viewers on this camera. */
	full: 4429,
	/** This viewer fell too far behind and was dropped; reconnect. */
	slow: 4408,
	/** The source is down; the status says why. */
	offline: 4503
} as const;
export type VideoCloseCode = (typeof videoCloseCodes)[keyof typeof videoCloseCodes];

/** Retry the codes that may heal by themselves; never the refusals. */
export function shouldReconnect(code: number): boolean {
	return code === videoCloseCodes.slow || code === videoCloseCodes.offline || code < 4000;
}

export const playbackQuery = z.object({
	from: z.coerce.number().int().positive(),
	speed: z.coerce
		.number()
		.refine((s) => [0.5, 1, 2, 4, 8].includes(s), 'speed must be 0.5, 1, 2, 4 or 8')
		.default(1)
});

/** One recorded segment: [startMs, endMs) of the camera's own clock as written. */
export const recordedSegment = z.object({ startMs: z.number(), endMs: z.number() });
/** A day's timeline: the segments on disk, in order, adjacent ones merged into spans. */
export const recordingDay = z.object({
	cameraId: entityId,
	day: z.iso.date(),
	spans: z.array(recordedSegment)
});
export type RecordingDay = z.infer<typeof recordingDay>;

import { join } from 'node:path';
import type { TemplatedApp } from 'uWebSockets.js';
import type { Camera } from '../../src/lib/domain/video/camera';
import type { SourceGate } from '../sources/source-gate';
import { playbackRoutes } from '../playback/playback-routes';
import type { TestPattern } from './record-args';
import { createRecorder } from './recorder';
import { startSweeper } from './retention-sweeper';

export interface RecordingOptions {
	/** VIDEO_DIR: recordings go to `<videoDir>/rec`. */
	videoDir: string;
	segmentSeconds: number;
	quotaGb: number;
	sweepSeconds: number;
	clipMaxMinutes: number;
	timeZone: string;
	tile: { width: number; height: number; bitrateKbps: number };
	ticketSecret: string;
	ffmpegPath: string;
	/** The camera directory: all cameras, and one by id (worker A's CameraDirectory). */
	cameras: () => Iterable<Camera>;
	camera: (cameraId: string) => Camera | undefined;
	/** Whose recordings a camera's are, removed cameras included (playback, clips, retention). */
	owner?: (
		cameraId: string
	) => Pick<Camera, 'cameraId' | 'merchantId' | 'districtId' | 'retentionDays'> | undefined;
	/** The live tiles' test pattern (A's inputArgs + tileFilters), so recordings match the tiles. */
	pattern?: (camera: Camera) => TestPattern;
	/** Tag for a child's command line (A's processMarker with roles record/playback/clip). */
	marker?: (cameraId: string, role: 'record' | 'playback' | 'clip') => string;
	/** Checks a camera's address before each recording run connects (A's source-gate.ts). */
	gate?: SourceGate;
	log: (m: string) => void;
}

/**
 * Recording, retention and playback of the video service in one piece: records every camera
 * with recording on, sweeps by age and quota, and mounts WS /playback/:id and GET
 * /recordings/:id(/clip) on the app. Call `sync()` whenever the camera directory changes.
 */
export function startRecording(app: TemplatedApp, o: RecordingOptions) {
	const recDir = join(o.videoDir, 'rec');
	const recorder = createRecorder({
		recDir,
		segmentSeconds: o.segmentSeconds,
		timeZone: o.timeZone,
		testPattern: { width: o.tile.width, height: o.tile.height },
		ffmpegPath: o.ffmpegPath,
		pattern: o.pattern,
		marker: o.marker && ((id) => o.marker!(id, 'record')),
		gate: o.gate,
		log: o.log
	});
	const sweeper = startSweeper({
		recDir,
		retentionDays: (id) => (o.owner ?? o.camera)(id)?.retentionDays,
		quotaBytes: o.quotaGb * 1e9,
		intervalMs: o.sweepSeconds * 1000,
		log: o.log
	});
	const playback = playbackRoutes(app, {
		recDir,
		timeZone: o.timeZone,
		ticketSecret: o.ticketSecret,
		camera: o.owner ?? o.camera,
		tile: o.tile,
		bitrate: `${o.tile.bitrateKbps}k`,
		maxClipMs: o.clipMaxMinutes * 60_000,
		ffmpegPath: o.ffmpegPath,
		marker: o.marker,
		log: o.log
	});
	recorder.sync(o.cameras());
	return {
		/** Starts, restarts and stops recordings to match the directory. */
		sync: () => recorder.sync(o.cameras()),
		status: () => ({ recording: recorder.status(), playbacks: playback.streams }),
		async stop() {
			await playback.close();
			await Promise.all([recorder.stop(), sweeper.stop()]);
		}
	};
}

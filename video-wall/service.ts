import { jetstream, jetstreamManager, type JetStreamClient } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import uWS from 'uWebSockets.js';
import { connectNats } from '../src/lib/server/backbone/connect';
import { ensureStreams } from '../src/lib/server/backbone/streams';
import type { Camera } from '../src/lib/domain/video/camera';
import { CameraDirectory } from './cameras/directory';
import type { VideoConfig } from './config';
import { HealthMonitor } from './health/monitor';
import { LiveRelay } from './relay/live-relay';
import { mountHttp } from './http-routes';
import { startRecording } from './recorder/recording';
import { inputArgs, tileFilters } from './sources/ffmpeg-args';
import { processMarker } from './sources/marker';
import { Grabber } from './snapshot/grabber';
import { FALLBACK_FONT, findCjkFont } from './sources/font';
import { sourceGate } from './sources/source-gate';
import { SourceManager } from './sources/source-manager';
import { listenExclusive } from '../src/lib/server/uws-listen';

export interface RunningVideo {
	port: number;
	stop(): Promise<void>;
}

/**
 * What a part of the service mounted beside the live relay gets (recording, playback): the app
 * to add routes to, the backbone, the camera directory, the configuration.
 */
export interface VideoContext {
	app: uWS.TemplatedApp;
	nc: NatsConnection;
	js: JetStreamClient;
	directory: CameraDirectory;
	config: VideoConfig;
	log: (m: string) => void;
}

/** A part started with the service and stopped before it (children first, no orphans). */
export type VideoPart = (ctx: VideoContext) => Promise<{ stop(): Promise<void> }>;

/** Wires the video service: NATS, camera directory, sources, relay, snapshots, health, HTTP. */
export async function startVideoWall(
	config: VideoConfig,
	log: (m: string) => void = console.log,
	parts: VideoPart[] = []
): Promise<RunningVideo> {
	const dir = resolve(config.VIDEO_DIR);
	const stillDir = join(dir, 'stills');
	await mkdir(stillDir, { recursive: true });
	const fontFile = config.VIDEO_FONT ?? findCjkFont() ?? FALLBACK_FONT;
	if (fontFile === FALLBACK_FONT) {
		log('no CJK font found (apt-get install fonts-wqy-microhei): Chinese text shows as boxes');
	}

	const nc = await connectNats(config.NATS_URL, 'video-wall');
	const js = jetstream(nc);
	const jsm = await jetstreamManager(nc);
	await ensureStreams(jsm);
	const directory = await CameraDirectory.open(js, jsm, log);
	log(`directory: ${directory.cameras.size} cameras`);

	// The clock burned into test patterns is the district's local time.
	const env = { TZ: config.TIME_ZONE };
	const options = (camera: Camera) => ({
		tile: {
			width: config.TILE_WIDTH,
			height: config.TILE_HEIGHT,
			bitrateKbps: config.VIDEO_BITRATE_KBPS
		},
		text: { merchant: directory.merchantName(camera.merchantId), area: camera.area, fontFile },
		rtspTimeoutSeconds: config.RTSP_TIMEOUT_SECONDS
	});

	// Every ffmpeg that connects to a camera (live, grab, record) checks its address first.
	const gate = sourceGate(config.VIDEO_ALLOW_SOURCE_HOSTS);

	const app = uWS.App();
	const sources = new SourceManager(
		{
			ffmpeg: config.FFMPEG_PATH,
			instance: config.VIDEO_INSTANCE,
			stillDir,
			lingerMs: config.LINGER_SECONDS * 1000,
			env,
			options,
			gate
		},
		// Packets come only after a viewer arrived, so after the relay exists.
		(cameraId, packets) => relay.publish(cameraId, packets)
	);
	const relay = new LiveRelay(app, {
		directory,
		sources,
		secret: config.TICKET_SECRET,
		publicCap: config.PUBLIC_VIEWER_CAP,
		maxBackpressure: config.MAX_BACKPRESSURE_BYTES,
		log
	});
	const grabber = new Grabber({
		ffmpeg: config.FFMPEG_PATH,
		instance: config.VIDEO_INSTANCE,
		dir: stillDir,
		env,
		options,
		concurrency: config.GRAB_CONCURRENCY,
		maxAgeMs: config.SNAPSHOT_MAX_AGE_SECONDS * 1000,
		timeoutMs: (config.RTSP_TIMEOUT_SECONDS + 5) * 1000,
		gate
	});
	const health = new HealthMonitor({
		js,
		directory,
		sources,
		grabber,
		limits: {
			offlineAfterMs: config.OFFLINE_AFTER_SECONDS * 1000,
			failuresBeforeOffline: config.FAILURES_BEFORE_OFFLINE
		},
		probeEveryMs: config.PROBE_INTERVAL_SECONDS * 1000,
		log
	});

	// A camera removed stops at once; a changed source, name or area restarts its encoder; a
	// change of public view may leave viewers without the right to watch.
	directory.onChange(({ cameraId, before, after, event }) => {
		if (event.type === 'camera.offline' || event.type === 'camera.online') return;
		if (!after) {
			void sources.stop(cameraId);
		} else if (
			before &&
			(JSON.stringify(before.source) !== JSON.stringify(after.source) || before.area !== after.area)
		) {
			void sources.restart(after);
		}
		relay.recheck(cameraId);
	});

	const recording = startRecording(app, {
		videoDir: dir,
		segmentSeconds: config.RECORD_SEGMENT_SECONDS,
		quotaGb: config.RECORD_QUOTA_GB,
		sweepSeconds: config.RETENTION_SWEEP_SECONDS,
		clipMaxMinutes: config.CLIP_MAX_MINUTES,
		timeZone: config.TIME_ZONE,
		tile: {
			width: config.TILE_WIDTH,
			height: config.TILE_HEIGHT,
			bitrateKbps: config.VIDEO_BITRATE_KBPS
		},
		ticketSecret: config.TICKET_SECRET,
		ffmpegPath: config.FFMPEG_PATH,
		cameras: () => directory.cameras.values(),
		camera: (id) => directory.get(id),
		owner: (id) => directory.owner(id),
		pattern: (c) => {
			const o = { ...options(c), marker: '' };
			return { input: inputArgs(c.source, o), filters: tileFilters(c.source, o) };
		},
		marker: (id, role) => processMarker(config.VIDEO_INSTANCE, id, role),
		gate,
		log
	});
	directory.onChange(({ event }) => {
		if (event.type !== 'camera.offline' && event.type !== 'camera.online') recording.sync();
	});

	mountHttp(app, {
		directory,
		sources,
		relay,
		grabber,
		health,
		secret: config.TICKET_SECRET,
		natsConnected: () => !nc.isClosed()
	});

	const started: { stop(): Promise<void> }[] = [];
	for (const part of parts) started.push(await part({ app, nc, js, directory, config, log }));

	const listenSocket = await listenExclusive(app, config.VIDEO_HOST, config.VIDEO_PORT);
	const port = uWS.us_socket_local_port(listenSocket);

	return {
		port,
		stop: async () => {
			health.close();
			uWS.us_listen_socket_close(listenSocket);
			await recording.stop();
			relay.closeAll();
			await Promise.all(started.map((p) => p.stop().catch(() => {})));
			await sources.close();
			directory.close();
			if (!nc.isClosed()) await nc.drain().catch(() => nc.close());
		}
	};
}

import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { parseAllowList } from '../src/lib/domain/video/source-address';
import { ConfigError, parseServiceEnv } from '../src/lib/server/service-config';
import { recordingEnv } from './recorder/recording-env';

const positiveInt = z.coerce.number().int().positive();
const seconds = z.coerce.number().positive().max(86_400);

const schema = z.object({
	...recordingEnv,
	NATS_URL: z.string().min(1).default('nats://127.0.0.1:4222'),
	/** 0 picks a free port (tests). */
	VIDEO_PORT: z.coerce.number().int().min(0).max(65535).default(3002),
	VIDEO_HOST: z.string().min(1).default('0.0.0.0'),
	/** Snapshots and other working files; recordings live below it too. */
	VIDEO_DIR: z.string().min(1).default('./data/video'),
	/**
	 * Tags every ffmpeg this service starts (in its arguments), so its own children can be told
	 * from other ffmpeg processes on the machine; random per start unless set.
	 */
	VIDEO_INSTANCE: z
		.string()
		.regex(/^[\w-]{1,40}$/)
		.default(() => `vw-${randomBytes(4).toString('hex')}`),
	TILE_WIDTH: positiveInt.max(1920).default(640),
	TILE_HEIGHT: positiveInt.max(1080).default(360),
	/** MPEG-1 video bitrate of a live tile, in kbit/s. */
	VIDEO_BITRATE_KBPS: positiveInt.min(100).max(10_000).default(800),
	/** A source is stopped this long after its last viewer left (a page reload keeps it). */
	LINGER_SECONDS: z.coerce.number().min(0).max(3_600).default(10),
	/** A running source that sends no bytes this long is declared offline (no_data). */
	OFFLINE_AFTER_SECONDS: seconds.default(10),
	/** Consecutive failed ffmpeg runs after which a source is declared offline at once. */
	FAILURES_BEFORE_OFFLINE: positiveInt.max(100).default(3),
	/** Diners (no ticket, or a ticket that reaches the camera only because it is public) per camera. */
	PUBLIC_VIEWER_CAP: z.coerce.number().int().min(0).max(10_000).default(20),
	/** Idle cameras (nobody watching) are probed this often: is the source still there? */
	PROBE_INTERVAL_SECONDS: seconds.default(60),
	/**
	 * Camera hosts connected to although the address check refuses them (comma-separated hosts or
	 * addresses, e.g. 127.0.0.1 for the tests' RTSP camera); the web server reads the same setting.
	 */
	VIDEO_ALLOW_SOURCE_HOSTS: z.string().optional().transform(parseAllowList),
	/** RTSP socket timeout (connect and read). */
	RTSP_TIMEOUT_SECONDS: seconds.max(120).default(5),
	/** A viewer whose unsent bytes exceed this is dropped (4408) rather than slow the others. */
	MAX_BACKPRESSURE_BYTES: positiveInt.default(1024 * 1024),
	/** Snapshots are reused this long. */
	SNAPSHOT_MAX_AGE_SECONDS: seconds.default(30),
	/** One-shot grabs (snapshots of idle cameras, probes) running at once. */
	GRAB_CONCURRENCY: positiveInt.max(16).default(2),
	/** The clock burned into test patterns. */
	TIME_ZONE: z.string().min(1).default('Asia/Shanghai'),
	/** Overrides the CJK font found with fc-match (drawtext needs one for Chinese). */
	VIDEO_FONT: z.string().min(1).optional(),
	FFMPEG_PATH: z.string().min(1).default('ffmpeg'),
	/** Verifies the tickets the web server signs (the same secret on both). */
	TICKET_SECRET: z.string().optional(),
	/** development or test relax the ticket secret check; anything else (or unset) is strict. */
	NODE_ENV: z.string().optional()
});

export type VideoConfig = z.infer<typeof schema> & { TICKET_SECRET: string };

export { ConfigError };

/** Parses the environment; throws a ConfigError naming the variable that is wrong. */
export function parseConfig(env: Record<string, string | undefined>): VideoConfig {
	const config = parseServiceEnv(schema, env);
	if (config.TILE_WIDTH % 2 || config.TILE_HEIGHT % 2) {
		throw new ConfigError('config: TILE_WIDTH/TILE_HEIGHT: must be even (MPEG-1 chroma)');
	}
	return config;
}

let cached: VideoConfig | undefined;

/** The video service's configuration, read from the environment once. */
export function config(): VideoConfig {
	cached ??= parseConfig(process.env);
	return cached;
}

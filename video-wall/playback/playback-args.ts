import { markerArgs } from '../recorder/spawn';

/** A finished segment as playback needs it: its file and its span. */
export interface PlayableSegment {
	file: string;
	startMs: number;
	endMs: number;
}

/**
 * The concat demuxer's list for the segments, with each one's duration from its name so ffmpeg
 * seeks without probing every file. Paths are quoted for the list's own syntax.
 */
export function concatList(segments: readonly PlayableSegment[]): string {
	const lines = ['ffconcat version 1.0'];
	for (const s of segments) {
		lines.push(`file 'file:${s.file.replaceAll("'", "'\\''")}'`);
		lines.push(`duration ${((s.endMs - s.startMs) / 1000).toFixed(3)}`);
	}
	return `${lines.join('\n')}\n`;
}

/** Seeks go in whole steps of this many ms (see seekArg). */
export const SEEK_STEP_MS = 5;

/**
 * The seek for `-ss`, rounded down to whole SEEK_STEP_MS. ffmpeg 5.1 turns a seek on the concat
 * demuxer into the stream's time base with the target rounded to the nearest tick but its upper
 * bound rounded down: a target whose ticks round up is refused ("could not seek"), and concat
 * then plays from the next file on — 1.5 s or more after the time asked (e.g. 0.506 s is 6476.8
 * ticks at 1/12800). 5 ms is a whole number of ticks at every time scale recordings have: 90 000
 * (the recorder's own and cameras' copies), 12 800 (x264 at 25 fps, older recordings) and 1 000.
 */
export function seekArg(seekSeconds: number): string {
	const ms = Math.max(0, Math.floor(Math.round(seekSeconds * 1e6) / 1000));
	return ((ms - (ms % SEEK_STEP_MS)) / 1000).toFixed(3);
}

export interface PlaybackArgsOptions {
	/** Seconds into the first segment. */
	seekSeconds: number;
	speed: number;
	tile: { width: number; height: number };
	/** MPEG-1 bitrate for the tile, e.g. '800k'. */
	bitrate?: string;
	marker?: string;
}

/**
 * ffmpeg reading the segment list on stdin and writing what jsmpeg plays to stdout: MPEG-TS
 * with MPEG-1 at 25 fps, no B-frames, one-second GOPs, at tile size. Reading is paced at the
 * wall clock × speed (`-readrate`), and time is compressed by the same factor, so the player
 * sees a live-like stream at 25 fps whatever the speed.
 */
export function playbackArgs(o: PlaybackArgsOptions): string[] {
	const { width, height } = o.tile;
	return [
		'-hide_banner',
		'-nostats',
		'-loglevel',
		'error',
		'-readrate',
		String(o.speed),
		'-f',
		'concat',
		'-safe',
		'0',
		'-protocol_whitelist',
		'file,pipe',
		'-ss',
		seekArg(o.seekSeconds),
		'-i',
		'pipe:0',
		'-vf',
		`setpts=PTS/${o.speed},scale=${width}:${height}:force_original_aspect_ratio=decrease,pad=${width}:${height}:-1:-1,fps=25`,
		'-an',
		'-c:v',
		'mpeg1video',
		'-b:v',
		o.bitrate ?? '800k',
		'-bf',
		'0',
		'-g',
		'25',
		...markerArgs(o.marker),
		'-f',
		'mpegts',
		'pipe:1'
	];
}

/**
 * ffmpeg copying `durationSeconds` from the start of the segments in their original quality
 * (stream copy), as fragmented MP4 (plays in a browser's own <video> and in any player) or
 * MPEG-TS.
 */
export function clipArgs(o: {
	durationSeconds: number;
	format: 'mp4' | 'ts';
	marker?: string;
}): string[] {
	const container =
		o.format === 'mp4'
			? ['-f', 'mp4', '-movflags', 'frag_keyframe+empty_moov+default_base_moof']
			: ['-f', 'mpegts'];
	return [
		'-hide_banner',
		'-nostats',
		'-loglevel',
		'error',
		'-f',
		'concat',
		'-safe',
		'0',
		'-protocol_whitelist',
		'file,pipe',
		'-i',
		'pipe:0',
		'-t',
		o.durationSeconds.toFixed(3),
		'-map',
		'0:v:0',
		'-c',
		'copy',
		...markerArgs(o.marker),
		...container,
		'pipe:1'
	];
}

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
		o.seekSeconds.toFixed(3),
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

import type { Camera } from '../../src/lib/domain/video/camera';
import { TIMECODE, timecodeFilters } from '../../src/lib/domain/video/timecode';
import { markerArgs } from './spawn';

export interface RecordArgsOptions {
	/** Where ffmpeg writes the segments it is still writing (`<cameraId>/.part`). */
	partDir: string;
	/** Distinguishes this run's parts from a crashed run's leftovers. */
	runId: string;
	segmentSeconds: number;
	/** The test pattern's picture size (it has no original to keep). */
	testPattern: { width: number; height: number };
	/** Tag in the command line, to count this service's children (spawn.ts markerArgs). */
	marker?: string;
}

const FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';

/**
 * The input side of a camera. RTSP over TCP with a socket timeout, so a dead camera ends the
 * run (and the supervisor retries) instead of hanging. The test pattern is made now (`-re`)
 * with the machine-readable timecode first in its chain (timecode.ts), then the clock and the
 * camera's id for people. Worker A's source builders make the same; swap when they land.
 */
export function sourceArgs(camera: Pick<Camera, 'cameraId' | 'source'>, o: RecordArgsOptions) {
	if (camera.source.kind === 'rtsp') {
		return {
			input: ['-rtsp_transport', 'tcp', '-timeout', '5000000', '-i', camera.source.url],
			// Evidence keeps the camera's own pictures: no re-encode. Video only: kitchens' sound is
			// neither asked for nor wanted, and G.711 audio does not fit MP4 anyway.
			codec: ['-map', '0:v:0', '-c:v', 'copy', '-an']
		};
	}
	const { width, height } = o.testPattern;
	const clock = `%{localtime\\:%Y-%m-%d %H\\\\\\:%M\\\\\\:%S}`;
	const filters = [
		timecodeFilters(),
		`drawtext=fontfile=${FONT}:text='${clock}':x=16:y=h-48:fontsize=28:fontcolor=white:box=1:boxcolor=black@0.6`,
		`drawtext=fontfile=${FONT}:text='${camera.cameraId} REC':x=16:y=28:fontsize=20:fontcolor=white:box=1:boxcolor=black@0.6`
	].join(',');
	return {
		// The timecode's 0 bits are the background: black under its row (made in the source, so
		// the timecode stays first in the filter chain).
		input: [
			'-re',
			'-f',
			'lavfi',
			'-i',
			`testsrc2=size=${width}x${height}:rate=25,drawbox=x=0:y=0:w=${TIMECODE.bits * TIMECODE.blockPx}:h=${TIMECODE.blockPx}:color=black:t=fill`
		],
		codec: [
			'-vf',
			filters,
			'-c:v',
			'libx264',
			'-preset',
			'ultrafast',
			// No encoder delay, so a segment's first packet is muxed as its frame is made: the
			// wall clock of a segment's start is read from when the list line arrives.
			'-tune',
			'zerolatency',
			'-crf',
			'30',
			'-g',
			'50',
			'-pix_fmt',
			'yuv420p',
			'-an'
		]
	};
}

/**
 * ffmpeg arguments recording a camera as fragmented MP4 segments: seekable to the frame (MPEG-TS
 * is not: ffmpeg's TS seek lands past the keyframe), playable by a browser's own <video>, and
 * robust to a cut (one-second fragments: a killed run loses at most the last one). The segment list goes to stdout, one CSV line `name,start,end`
 * (stream seconds) as each segment closes; the recorder turns those into wall-clock names.
 */
export function recordArgs(camera: Pick<Camera, 'cameraId' | 'source'>, o: RecordArgsOptions) {
	const { input, codec } = sourceArgs(camera, o);
	return [
		'-hide_banner',
		'-nostdin',
		'-loglevel',
		'warning',
		...input,
		...codec,
		...markerArgs(o.marker),
		'-f',
		'segment',
		'-segment_time',
		String(o.segmentSeconds),
		'-segment_format',
		'mp4',
		'-segment_format_options',
		'movflags=+frag_keyframe+empty_moov+default_base_moof:frag_duration=1000000',
		'-reset_timestamps',
		'1',
		'-segment_list',
		'pipe:1',
		'-segment_list_type',
		'csv',
		'-segment_list_flags',
		'+live',
		`${o.partDir}/${o.runId}-%05d.mp4`
	];
}

/** One line of the segment list: the part's file name and its stream times in seconds. */
export function parseListLine(line: string): { name: string; start: number; end: number } | null {
	const m = /^([^,]+),([\d.]+),([\d.]+)$/.exec(line.trim());
	if (!m) return null;
	const start = Number(m[2]);
	const end = Number(m[3]);
	return Number.isFinite(start) && Number.isFinite(end) && end > start
		? { name: m[1] as string, start, end }
		: null;
}

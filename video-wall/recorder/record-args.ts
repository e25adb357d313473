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
	/**
	 * The live tiles' test pattern (worker A's inputArgs/tileFilters: shop, area, clock in CJK),
	 * so a recording looks like the live tile; the built-in one below otherwise. Its filters must
	 * start with timecodeFilters().
	 */
	pattern?: TestPattern;
}

export interface TestPattern {
	input: string[];
	filters: string;
}

const FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';

/**
 * The built-in test pattern, made now (`-re`) with the machine-readable timecode first in its
 * chain (timecode.ts), then the clock and the camera's id for people.
 */
export function builtInPattern(cameraId: string, width: number, height: number): TestPattern {
	const clock = `%{localtime\\:%Y-%m-%d %H\\\\\\:%M\\\\\\:%S}`;
	const box = 'fontcolor=white:box=1:boxcolor=black@0.6';
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
		filters: [
			timecodeFilters(),
			`drawtext=fontfile=${FONT}:text='${clock}':x=16:y=h-48:fontsize=28:${box}`,
			`drawtext=fontfile=${FONT}:text='${cameraId} REC':x=16:y=28:fontsize=20:${box}`
		].join(',')
	};
}

/**
 * The input side of a camera. RTSP over TCP with a socket timeout, so a dead camera ends the
 * run (and the supervisor retries) instead of hanging. The test pattern has no original to
 * keep: it is encoded once, with its burned-in clocks.
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
	const pattern = o.pattern ?? builtInPattern(camera.cameraId, width, height);
	return {
		input: pattern.input,
		codec: [
			'-vf',
			pattern.filters,
			'-c:v',
			'libx264',
			'-preset',
			'ultrafast',
			// No encoder delay, so a segment's first packet is muxed as its frame is made: the
			// wall clock of a segment's start is read from when the list line arrives.
			'-tune',
			'zerolatency',
			// Capped: a demo disk holds a week of every test camera (~200 MB an hour each).
			'-crf',
			'30',
			'-maxrate',
			'450k',
			'-bufsize',
			'900k',
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
 * robust to a cut (a killed run loses what ffmpeg had not yet written: its 256 KB output buffer, a
 * second or two). The segment list goes to stdout, one CSV line `name,start,end` (stream
 * seconds) as each segment closes; the recorder turns those into wall-clock names.
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
		// Twice a second, how far the output has got (stream time) on stderr: with the arrival
		// time, the wall clock of stream time 0 is known within a second of the start.
		'-progress',
		'pipe:2',
		'-stats_period',
		'0.5',
		'-f',
		'segment',
		'-segment_time',
		String(o.segmentSeconds),
		'-segment_format',
		'mp4',
		'-segment_format_options',
		// A 90 kHz time scale: any whole millisecond is a whole tick, so a seek lands exactly.
		'movflags=+frag_keyframe+empty_moov+default_base_moof:frag_duration=1000000:video_track_timescale=90000',
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

/** Stream ms the output has reached, from a `-progress` line (`out_time_us=…`), else null. */
export function parseProgressLine(line: string): number | null {
	const m = /^out_time_us=(\d+)$/.exec(line.trim());
	return m ? Number(m[1]) / 1000 : null;
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

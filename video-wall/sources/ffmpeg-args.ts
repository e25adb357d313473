import type { CameraArea, CameraSource } from '../../src/lib/domain/events/camera';
import { timecodeFilters } from '../../src/lib/domain/video/timecode';

/** How a tile is encoded for jsmpeg: MPEG-1 allows only standard rates and no B-frames. */
export interface TileFormat {
	width: number;
	height: number;
	bitrateKbps: number;
}

/** What a test pattern shows: the shop, the kitchen area and the clock. */
export interface PatternText {
	merchant: string;
	area: CameraArea;
	/** A CJK font file (drawtext draws boxes for Chinese without one). */
	fontFile: string;
}

export interface SourceOptions {
	tile: TileFormat;
	text: PatternText;
	rtspTimeoutSeconds: number;
	/** The tag that lets this child be counted (see marker.ts). */
	marker: string;
}

export const FPS = 25;

/** The Chinese names of the kitchen areas, as burned into the picture. */
export const areaLabels: Record<CameraArea, string> = {
	cold_dishes: '凉菜间',
	cooking: '烹饪区',
	washing: '洗消间',
	storage: '库房'
};

/**
 * A label made safe for drawtext: no quotes or control characters, at most 40 characters.
 * (Names come from merchants: they must not be able to inject filters.)
 */
export function safeLabel(text: string): string {
	return [...text.replace(/[\p{Cc}'"\\]/gu, ' ')].slice(0, 40).join('').trim() || '-';
}

/** Escapes a filter option value (the inner of ffmpeg's two levels); wrap it in '…' after. */
function optionValue(value: string): string {
	return `'${value.replace(/[\\':]/g, (c) => `\\${c}`)}'`;
}

function drawtext(options: Record<string, string | number>): string {
	return `drawtext=${Object.entries(options)
		.map(([k, v]) => `${k}=${v}`)
		.join(':')}`;
}

/** The input: the camera over RTSP (TCP, bounded waits), or the synthetic pattern made now. */
export function inputArgs(source: CameraSource, o: SourceOptions): string[] {
	if (source.kind === 'rtsp') {
		return [
			'-rtsp_transport',
			'tcp',
			// ffmpeg 5: the socket timeout, in microseconds (4.x called it -stimeout).
			'-timeout',
			String(Math.round(o.rtspTimeoutSeconds * 1_000_000)),
			'-fflags',
			'nobuffer',
			'-i',
			source.url
		];
	}
	// -re: frames at the rate they are shown, so the burned-in clocks are the wall clock. The top
	// strip is black: the timecode draws only its 1 bits (white), its 0 bits are the background.
	const pattern = `testsrc2=size=${o.tile.width}x${o.tile.height}:rate=${FPS}`;
	const strip = `drawbox=x=0:y=0:w=iw:h=24:color=black:t=fill`;
	return ['-re', '-f', 'lavfi', '-i', `${pattern},${strip}`];
}

/**
 * The filter chain from the input to a tile: for the test pattern the machine timecode first
 * (it needs frame times to be the wall clock), then shop, area and clock below it (y ≥ 24);
 * for a camera, scaled into the tile keeping its aspect.
 */
export function tileFilters(source: CameraSource, o: SourceOptions): string {
	const { width: w, height: h } = o.tile;
	if (source.kind === 'rtsp') {
		return [
			`scale=${w}:${h}:force_original_aspect_ratio=decrease`,
			`pad=${w}:${h}:-1:-1`,
			'setsar=1',
			`fps=${FPS}`
		].join(',');
	}
	const font = optionValue(o.text.fontFile);
	const common = {
		fontfile: font,
		fontcolor: 'white',
		box: 1,
		boxcolor: 'black@0.55',
		boxborderw: 4
	};
	return [
		timecodeFilters(),
		drawtext({
			...common,
			expansion: 'none',
			text: optionValue(safeLabel(o.text.merchant)),
			fontsize: 22,
			x: 8,
			y: 28
		}),
		drawtext({
			...common,
			expansion: 'none',
			text: optionValue(safeLabel(areaLabels[o.text.area])),
			fontsize: 20,
			x: 8,
			y: 60
		}),
		drawtext({
			...common,
			// %T = HH:MM:SS without a colon to escape; the local time of the service's TZ.
			text: optionValue('%{localtime:%Y-%m-%d %T}'),
			fontsize: 20,
			// Top right, beside the area: players lay their caption over the bottom of the picture.
			x: 'w-tw-8',
			y: 60
		})
	].join(',');
}

const common = ['-hide_banner', '-nostdin', '-nostats', '-loglevel', 'warning'];

/**
 * The live encoder: MPEG-TS with MPEG-1 video (25 fps, no B-frames, a keyframe every second)
 * to stdout, flushed per packet (a pipe buffer would add its size in latency), plus a still
 * JPEG rewritten every `stillEverySeconds` (atomically) for snapshots.
 */
export function liveArgs(
	source: CameraSource,
	o: SourceOptions & { stillPath: string; stillEverySeconds: number }
): string[] {
	const graph = `[0:v]${tileFilters(source, o)},split=2[live][s];[s]fps=1/${o.stillEverySeconds}[still]`;
	return [
		...common,
		...inputArgs(source, o),
		'-filter_complex',
		graph,
		'-map',
		'[live]',
		'-an',
		'-c:v',
		'mpeg1video',
		'-b:v',
		`${o.tile.bitrateKbps}k`,
		'-maxrate',
		`${o.tile.bitrateKbps}k`,
		'-bufsize',
		`${Math.round(o.tile.bitrateKbps / 2)}k`,
		'-bf',
		'0',
		'-g',
		String(FPS),
		'-r',
		String(FPS),
		'-metadata',
		`comment=${o.marker}`,
		'-f',
		'mpegts',
		'-muxdelay',
		'0',
		'-flush_packets',
		'1',
		'pipe:1',
		'-map',
		'[still]',
		'-q:v',
		'5',
		'-f',
		'image2',
		'-update',
		'1',
		'-atomic_writing',
		'1',
		'-y',
		o.stillPath
	];
}

/**
 * One still of the source, written to `path`: a snapshot of an idle camera and, for RTSP, the
 * probe that tells whether the camera can be reached at all (exit 0 = it can).
 */
export function grabArgs(source: CameraSource, o: SourceOptions & { path: string }): string[] {
	return [
		...common,
		...inputArgs(source, o).filter((a) => a !== '-re'),
		'-vf',
		tileFilters(source, o),
		'-frames:v',
		'1',
		'-q:v',
		'5',
		'-metadata',
		`comment=${o.marker}`,
		'-f',
		'image2',
		'-update',
		'1',
		'-y',
		o.path
	];
}

/**
 * A line of ffmpeg's output made fit for an event's detail: source addresses removed (they may
 * carry the camera's password), at most 300 characters.
 */
export function cleanDetail(line: string): string {
	return line
		.replace(/rtsps?:\/\/\S+/gi, '<source>')
		.replace(/\/\/[^/\s:@]+:[^/\s@]+@/g, '//***@')
		.trim()
		.slice(0, 300);
}

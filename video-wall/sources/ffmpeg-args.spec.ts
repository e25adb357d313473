import { describe, expect, it } from 'vitest';
import { timecodeFilters } from '../../src/lib/domain/video/timecode';
import { cleanDetail, grabArgs, liveArgs, safeLabel, type SourceOptions } from './ffmpeg-args';

const options: SourceOptions = {
	tile: { width: 640, height: 360, bitrateKbps: 800 },
	text: { merchant: '老王饭店', area: 'cold_dishes', fontFile: '/fonts/wqy.ttc' },
	rtspTimeoutSeconds: 5,
	marker: 'fsvw.i1.cam-1.live'
};
const live = { ...options, stillPath: '/v/cam-1.jpg', stillEverySeconds: 2 };
const after = (args: string[], flag: string) => args[args.indexOf(flag) + 1];

describe('ffmpeg args', () => {
	it('ffmpeg args - a test pattern: lavfi in real time, timecode first, then shop, area and clock', () => {
		const args = liveArgs({ kind: 'test_pattern' }, live);
		expect(args.slice(args.indexOf('-re'), args.indexOf('-re') + 3)).toEqual([
			'-re',
			'-f',
			'lavfi'
		]);
		expect(after(args, '-i')).toMatch(/^testsrc2=size=640x360:rate=25,drawbox=/);
		const graph = after(args, '-filter_complex') ?? '';
		expect(graph.startsWith(`[0:v]${timecodeFilters()},drawtext=`)).toBe(true);
		expect(graph).toContain("text='老王饭店'");
		expect(graph).toContain("text='凉菜间'");
		expect(graph).toContain('localtime');
		expect(graph).toContain("fontfile='/fonts/wqy.ttc'");
	});

	it('ffmpeg args - the tile: MPEG-1, 25 fps, no B-frames, GOP 25, MPEG-TS to stdout, tagged', () => {
		const args = liveArgs({ kind: 'test_pattern' }, live);
		expect(after(args, '-c:v')).toBe('mpeg1video');
		expect(after(args, '-bf')).toBe('0');
		expect(after(args, '-g')).toBe('25');
		expect(after(args, '-r')).toBe('25');
		expect(after(args, '-b:v')).toBe('800k');
		expect(args).toContain('pipe:1');
		expect(args[args.indexOf('mpegts') - 1]).toBe('-f');
		expect(args).toContain('comment=fsvw.i1.cam-1.live');
		expect(args.at(-1)).toBe('/v/cam-1.jpg');
	});

	it('ffmpeg args - RTSP over TCP with the ffmpeg 5 socket timeout in µs, scaled into the tile', () => {
		const url = 'rtsp://u:p@10.0.0.9:554/stream1';
		const args = liveArgs({ kind: 'rtsp', url }, live);
		expect(after(args, '-rtsp_transport')).toBe('tcp');
		expect(after(args, '-timeout')).toBe('5000000');
		expect(after(args, '-i')).toBe(url);
		expect(args).not.toContain('-re');
		expect(after(args, '-filter_complex')).toContain(
			'scale=640:360:force_original_aspect_ratio=decrease'
		);
	});

	it('ffmpeg args - a grab writes one frame, not in real time', () => {
		const args = grabArgs({ kind: 'test_pattern' }, { ...options, path: '/v/x.jpg' });
		expect(args).not.toContain('-re');
		expect(after(args, '-frames:v')).toBe('1');
		expect(args.at(-1)).toBe('/v/x.jpg');
	});

	it('ffmpeg args - merchant names cannot break out of the filter (quotes, backslashes, colons)', () => {
		expect(safeLabel("a'b\\c\nd")).toBe('a b c d');
		const args = liveArgs(
			{ kind: 'test_pattern' },
			{ ...live, text: { ...live.text, merchant: "x',drawbox=x=0:y=0" } }
		);
		const graph = after(args, '-filter_complex') ?? '';
		expect(graph).toContain("text='x ,drawbox=x=0\\:y=0'");
	});

	it('ffmpeg args - details for events lose source addresses and passwords', () => {
		expect(cleanDetail('rtsp://admin:s3cret@10.0.0.9:554/x: Connection refused')).toBe(
			'<source> Connection refused'
		);
		expect(cleanDetail('http://u:pw@host/a failed')).toBe('http://***@host/a failed');
		expect(cleanDetail('x'.repeat(400))).toHaveLength(300);
	});
});

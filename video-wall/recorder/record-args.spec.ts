import { describe, expect, it } from 'vitest';
import { timecodeFilters } from '../../src/lib/domain/video/timecode';
import { parseListLine, parseProgressLine, recordArgs } from './record-args';

const o = {
	partDir: '/rec/cam-1/.part',
	runId: 'r1',
	segmentSeconds: 60,
	testPattern: { width: 640, height: 360 }
};

describe('record args', () => {
	it('record args - an RTSP camera is copied, never re-encoded', () => {
		const args = recordArgs(
			{ cameraId: 'cam-1', source: { kind: 'rtsp', url: 'rtsp://u:p@cam/1' } },
			o
		);
		expect(args.join(' ')).toContain('-c:v copy');
		expect(args).not.toContain('libx264');
		expect(args.at(-1)).toBe('/rec/cam-1/.part/r1-%05d.mp4');
	});

	it('record args - the test pattern is encoded with the timecode first in its chain', () => {
		const args = recordArgs({ cameraId: 'cam-1', source: { kind: 'test_pattern' } }, o);
		const vf = args[args.indexOf('-vf') + 1];
		expect(vf?.startsWith(timecodeFilters())).toBe(true);
		expect(args).toContain('libx264');
	});

	it('record args - reads the segment list and progress lines, nothing else', () => {
		expect(parseListLine('r1-00002.mp4,120.000000,180.040000')).toEqual({
			name: 'r1-00002.mp4',
			start: 120,
			end: 180.04
		});
		expect(parseListLine('garbage')).toBeNull();
		expect(parseProgressLine('out_time_us=2520078')).toBeCloseTo(2520.078);
		expect(parseProgressLine('frame=12')).toBeNull();
	});
});

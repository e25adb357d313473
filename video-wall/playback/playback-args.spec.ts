import { describe, expect, it } from 'vitest';
import { concatList, playbackArgs } from './playback-args';

describe('playback args', () => {
	it('playback args - the list gives each file its duration and survives quotes in paths', () => {
		expect(
			concatList([
				{ file: "/rec/o'neil/1.mp4", startMs: 0, endMs: 60_000 },
				{ file: '/rec/b/2.mp4', startMs: 60_000, endMs: 119_960 }
			])
		).toBe(
			"ffconcat version 1.0\nfile 'file:/rec/o'\\''neil/1.mp4'\nduration 60.000\nfile 'file:/rec/b/2.mp4'\nduration 59.960\n"
		);
	});

	it('playback args - paced at the speed, time compressed by it, MPEG-1 for jsmpeg', () => {
		const args = playbackArgs({ seekSeconds: 12.5, speed: 4, tile: { width: 640, height: 360 } });
		expect(args[args.indexOf('-readrate') + 1]).toBe('4');
		expect(args[args.indexOf('-ss') + 1]).toBe('12.500');
		expect(args[args.indexOf('-vf') + 1]).toMatch(/^setpts=PTS\/4,/);
		expect(args.join(' ')).toContain('-c:v mpeg1video');
		expect(args.join(' ')).toContain('-bf 0 -g 25');
	});
});

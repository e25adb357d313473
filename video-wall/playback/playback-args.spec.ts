import { describe, expect, it } from 'vitest';
import { concatList, playbackArgs, seekArg } from './playback-args';

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

	it('playback args - the seek is a whole number of ticks of every recording time scale', () => {
		expect(seekArg(0.506)).toBe('0.505');
		expect(seekArg(12.5)).toBe('12.500');
		expect(seekArg(0.0049)).toBe('0.000');
		for (const s of [0.306, 0.501, 0.506, 1.006, 59.999, 1234.567]) {
			const us = Math.round(Number(seekArg(s)) * 1e6);
			expect(s * 1000 - us / 1000).toBeLessThan(5);
			for (const scale of [90_000, 12_800, 1_000]) expect((us * scale) % 1e6).toBe(0);
		}
	});
});

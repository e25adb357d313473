import { describe, expect, it } from 'vitest';
import {
	dayBounds,
	daysBetween,
	parseSegmentFileName,
	playFrom,
	recordingDayOf,
	segmentPath
} from './segments';

const TZ = 'Asia/Shanghai';
const at = (local: string) => Date.parse(`${local}+08:00`);

describe('segments', () => {
	it('segments - a name holds start and end; parts and strays are not segments', () => {
		const s = at('2026-11-29T10:00:00');
		expect(parseSegmentFileName(`${s}-${s + 60_000}.mp4`)).toEqual({
			startMs: s,
			endMs: s + 60_000
		});
		expect(parseSegmentFileName('r1-00001.mp4')).toBeNull();
		expect(parseSegmentFileName(`${s}-${s}.mp4`)).toBeNull();
	});

	it('segments - a segment lives under the local day of its start', () => {
		const s = at('2026-11-29T00:30:00');
		expect(segmentPath('cam-1', s, s + 1, TZ)).toBe(`cam-1/2026-11-29/${s}-${s + 1}.mp4`);
		expect(dayBounds('2026-11-29', TZ)).toEqual({
			startMs: at('2026-11-29T00:00:00'),
			endMs: at('2026-11-30T00:00:00')
		});
		expect(daysBetween(at('2026-11-28T23:00:00'), at('2026-11-30T01:00:00'), TZ)).toEqual([
			'2026-11-28',
			'2026-11-29',
			'2026-11-30'
		]);
	});

	it('segments - a day merges adjacent segments, keeps holes, clips at midnight', () => {
		const m = at('2026-11-29T00:00:00');
		const segs = [
			{ startMs: m - 30_000, endMs: m + 30_000 },
			{ startMs: m + 30_400, endMs: m + 90_000 },
			{ startMs: m + 600_000, endMs: m + 660_000 }
		];
		expect(recordingDayOf('cam-1', '2026-11-29', segs, TZ).spans).toEqual([
			{ startMs: m, endMs: m + 90_000 },
			{ startMs: m + 600_000, endMs: m + 660_000 }
		]);
		expect(recordingDayOf('cam-1', '2026-11-28', segs, TZ).spans).toEqual([
			{ startMs: m - 30_000, endMs: m }
		]);
	});

	it('segments - playing from a time seeks into its segment; from a hole, starts after it', () => {
		const segs = [
			{ startMs: 1_000, endMs: 3_000 },
			{ startMs: 3_000, endMs: 5_000 },
			{ startMs: 9_000, endMs: 11_000 }
		];
		expect(playFrom(segs, 3_500)).toEqual({ segments: segs.slice(1), seekMs: 500 });
		expect(playFrom(segs, 6_000)).toEqual({ segments: segs.slice(2), seekMs: 0 });
		expect(playFrom(segs, 11_000)).toBeNull();
	});
});

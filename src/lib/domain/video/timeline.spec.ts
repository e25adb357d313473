import { describe, expect, it } from 'vitest';
import { dayBar, spanBox, timeAt } from './timeline';

describe('timeline', () => {
	const bar = dayBar('2026-11-29');
	const at = (hh: number, mm = 0) => bar.startMs + (hh * 60 + mm) * 60_000;

	it('playback - a day starts at midnight in Jinan', () => {
		expect(new Date(bar.startMs).toISOString()).toBe('2026-11-28T16:00:00.000Z');
	});

	it('playback - spans sit on the bar by their share of the day', () => {
		expect(spanBox(bar, { startMs: at(6), endMs: at(12) })).toEqual({ left: 0.25, width: 0.25 });
		expect(spanBox(bar, { startMs: at(-2), endMs: at(0) })).toBeNull();
	});

	it('playback - a click in a gap plays from the nearest recording', () => {
		const spans = [
			{ startMs: at(8), endMs: at(9) },
			{ startMs: at(12), endMs: at(13) }
		];
		expect(timeAt(bar, 8.5 / 24, spans)).toBe(at(8, 30));
		expect(timeAt(bar, 11 / 24, spans)).toBe(at(12));
		expect(timeAt(bar, 9.5 / 24, spans)).toBe(at(9) - 1_000);
		expect(timeAt(bar, 0.5, [])).toBeNull();
	});
});

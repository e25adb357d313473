import { describe, expect, it } from 'vitest';
import { OLDEST_RECORDING_MS, searchWindow, StreamSlots } from './ffmpeg-stream';

describe('StreamSlots', () => {
	it('caps per viewer and in all; a release frees the slot once', () => {
		const slots = new StreamSlots({ perViewer: 2, total: 3 });
		const a1 = slots.take('a');
		const a2 = slots.take('a');
		expect(a1 && a2).toBeTruthy();
		expect(slots.take('a')).toBeUndefined();
		const b1 = slots.take('b');
		expect(b1).toBeTruthy();
		expect(slots.take('c')).toBeUndefined();
		a1!();
		a1!();
		expect(slots.total).toBe(2);
		expect(slots.take('a')).toBeTruthy();
		expect(slots.take('c')).toBeUndefined();
	});
});

describe('searchWindow', () => {
	const now = Date.UTC(2026, 5, 1);
	const DAY = 86_400_000;

	it('starts a day before `from`, never more than a year ago', () => {
		expect(searchWindow(now - 2 * DAY, now, now)).toEqual({ fromMs: now - 3 * DAY, toMs: now });
		expect(searchWindow(1, now, now)).toEqual({ fromMs: now - OLDEST_RECORDING_MS, toMs: now });
	});

	it('is empty when the span is entirely older than that', () => {
		expect(searchWindow(1, 1_000, now)).toBeUndefined();
	});
});

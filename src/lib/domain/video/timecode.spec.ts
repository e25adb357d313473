import { describe, expect, it } from 'vitest';
import { decodeTimecode, timecodeMs, TIMECODE } from './timecode';

const luma = (value: number) =>
	Array.from({ length: TIMECODE.bits }, (_, i) =>
		Math.floor(value / 2 ** (TIMECODE.bits - 1 - i)) % 2 ? 235 : 20
	);

describe('timecode', () => {
	it('reads back the count it was drawn with, and the wall clock near now', () => {
		const now = Date.parse('2026-11-29T08:00:00.000+08:00');
		const count = Math.floor(now / 40) % 2 ** 32;
		expect(decodeTimecode(luma(count))).toBe(count);
		expect(timecodeMs(count, now + 5_000)).toBe(Math.floor(now / 40) * 40);
	});

	it('refuses a row that is not a timecode (grey blocks, wrong length)', () => {
		expect(decodeTimecode(luma(5).map((y, i) => (i === 3 ? 128 : y)))).toBeNull();
		expect(decodeTimecode([0, 255])).toBeNull();
	});
});

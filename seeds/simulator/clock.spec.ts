import { describe, expect, it } from 'vitest';
import { SimClock } from './clock';

describe('simulator clock', () => {
	it('clock - starts at the real local time and runs speed times faster', () => {
		const start = Date.parse('2026-11-28T06:30:00Z'); // 14:30 in Shanghai
		const clock = new SimClock(60, start, 'Asia/Shanghai');
		expect(clock.minute).toBe(14 * 60 + 30);
		expect(clock.advance(start + 1_000)).toEqual({ fromMinute: 870, toMinute: 871 });
	});

	it('clock - a hold or a long stall does not make it jump', () => {
		const start = Date.parse('2026-11-28T06:30:00Z');
		const clock = new SimClock(30, start, 'Asia/Shanghai');
		clock.hold(start + 60_000);
		expect(clock.advance(start + 61_000).toMinute).toBeCloseTo(870.5);
		expect(clock.advance(start + 3_600_000).toMinute).toBeCloseTo(871.5);
	});
});

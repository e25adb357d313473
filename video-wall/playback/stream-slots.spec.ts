import { describe, expect, it } from 'vitest';
import { StreamSlots } from './ffmpeg-stream';

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

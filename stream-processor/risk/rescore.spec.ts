import { describe, expect, it } from 'vitest';
import { rescoreInSlices } from './rescore';

describe('rescoring in slices', () => {
	it('risk - every item is scored once, and the loop gets a turn between slices', async () => {
		let t = 0;
		const seen: number[] = [];
		// A fake clock: each score takes 1 ms, so 8 ms slices hold 64 items (checked every 64).
		const r = await rescoreInSlices(
			Array.from({ length: 1_000 }, (_, i) => i),
			(i) => {
				seen.push(i);
				t += 1;
			},
			{ sliceMs: 8, now: () => t }
		);
		expect(seen).toEqual(Array.from({ length: 1_000 }, (_, i) => i));
		expect(r.count).toBe(1_000);
		expect(r.slices).toBe(Math.floor(1_000 / 64) + 1);
		expect(r.ms).toBe(1_000);
	});
});

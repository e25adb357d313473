import { describe, expect, it } from 'vitest';
import { createRng } from './rng';

describe('rng', () => {
	it('rng - same seed gives the same sequence, another seed a different one', () => {
		const a = createRng(7);
		const b = createRng(7);
		const c = createRng(8);
		const seqA = Array.from({ length: 20 }, () => a.next());
		expect(Array.from({ length: 20 }, () => b.next())).toEqual(seqA);
		expect(Array.from({ length: 20 }, () => c.next())).not.toEqual(seqA);
	});

	it('rng - int stays inside its bounds and reaches both ends', () => {
		const rng = createRng(1);
		const seen = new Set<number>();
		for (let i = 0; i < 2_000; i++) seen.add(rng.int(3, 6));
		expect([...seen].sort()).toEqual([3, 4, 5, 6]);
	});

	it('rng - forks are independent of draws made on the parent', () => {
		const a = createRng(9);
		const b = createRng(9);
		b.next();
		expect(a.fork('x').next()).toBe(b.fork('x').next());
		expect(a.fork('x').next()).not.toBe(a.fork('y').next());
	});

	it('rng - poisson has about the requested mean', () => {
		const rng = createRng(3);
		for (const lambda of [0.2, 4, 120]) {
			let sum = 0;
			for (let i = 0; i < 5_000; i++) sum += rng.poisson(lambda);
			expect(sum / 5_000).toBeCloseTo(lambda, lambda < 1 ? 1 : 0);
		}
	});
});

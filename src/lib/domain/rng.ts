/**
 * A small seeded random source (sfc32, seeded through splitmix32). Math.random cannot be
 * seeded, and the demo district must come out identical for the same seed on every machine.
 */
export interface Rng {
	/** Uniform in [0, 1). */
	next(): number;
	/** Integer in [min, max], both included. */
	int(min: number, max: number): number;
	/** True with probability p. */
	chance(p: number): boolean;
	/** One element of a non-empty list. */
	pick<T>(items: readonly T[]): T;
	/** One element by weight; weights need not sum to 1. */
	weighted<T>(items: readonly (readonly [T, number])[]): T;
	/** Standard normal (Box–Muller). */
	normal(): number;
	/** Poisson-distributed count with mean lambda. */
	poisson(lambda: number): number;
	/** n random bytes (for UUIDv7 random bits). */
	bytes(n: number): Uint8Array;
	/** An independent stream for a named purpose, so adding draws in one place does not shift another. */
	fork(label: string | number): Rng;
}

/** 32-bit FNV-1a of a string: turns labels into seed material. */
export function hash32(text: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}

function splitmix32(seed: number): () => number {
	let s = seed >>> 0;
	return () => {
		s = (s + 0x9e3779b9) | 0;
		let z = s;
		z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
		z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
		return (z ^ (z >>> 16)) >>> 0;
	};
}

export function createRng(seed: number | string): Rng {
	return new Sfc32(typeof seed === 'number' ? seed : hash32(seed));
}

/** A class rather than closures: the simulator forks one per merchant, so creation must be cheap. */
class Sfc32 implements Rng {
	private a: number;
	private b: number;
	private c: number;
	private d: number;

	constructor(private readonly seed: number) {
		const mix = splitmix32(seed);
		this.a = mix();
		this.b = mix();
		this.c = mix();
		this.d = mix();
		// Discard the first outputs: sfc32 mixes poorly in its first rounds.
		for (let i = 0; i < 12; i++) this.u32();
	}

	private u32(): number {
		const t = (((this.a + this.b) | 0) + this.d) | 0;
		this.d = (this.d + 1) | 0;
		this.a = this.b ^ (this.b >>> 9);
		this.b = (this.c + (this.c << 3)) | 0;
		this.c = (this.c << 21) | (this.c >>> 11);
		this.c = (this.c + t) | 0;
		return t >>> 0;
	}

	next(): number {
		return this.u32() / 4294967296;
	}

	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	chance(p: number): boolean {
		return this.next() < p;
	}

	pick<T>(items: readonly T[]): T {
		if (items.length === 0) throw new RangeError('pick from an empty list');
		return items[Math.floor(this.next() * items.length)] as T;
	}

	weighted<T>(items: readonly (readonly [T, number])[]): T {
		let total = 0;
		for (const [, w] of items) total += w;
		let r = this.next() * total;
		for (const [item, w] of items) {
			r -= w;
			if (r < 0) return item;
		}
		const last = items[items.length - 1];
		if (!last) throw new RangeError('weighted pick from an empty list');
		return last[0];
	}

	normal(): number {
		const u = 1 - this.next();
		return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
	}

	poisson(lambda: number): number {
		if (lambda <= 0) return 0;
		// Normal approximation above 50: Knuth's loop would cost O(lambda) draws.
		if (lambda > 50) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * this.normal()));
		const limit = Math.exp(-lambda);
		let k = 0;
		let p = this.next();
		while (p > limit) {
			k++;
			p *= this.next();
		}
		return k;
	}

	bytes(n: number): Uint8Array {
		const out = new Uint8Array(n);
		for (let i = 0; i < n; i += 4) {
			const v = this.u32();
			for (let j = 0; j < 4 && i + j < n; j++) out[i + j] = (v >>> (8 * j)) & 0xff;
		}
		return out;
	}

	fork(label: string | number): Rng {
		return new Sfc32(hash32(`${this.seed}:${label}`));
	}
}

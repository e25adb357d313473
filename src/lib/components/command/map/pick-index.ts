/**
 * Finding the merchant under a finger without deck.gl's GPU picking, which on software GL
 * renders 100,000 points again and reads pixels back on every pointer move. The map never pans
 * or zooms (a wall has no mouse wheel), so the points' screen positions are fixed once they are
 * projected: a uniform grid of cells answers "nearest point within r pixels" in microseconds.
 */
export class PickIndex {
	readonly #xy: Float32Array;
	readonly #cols: number;
	readonly #rows: number;
	readonly #cell: number;
	/** Point indices sorted by cell, and where each cell's run starts (counting sort). */
	readonly #order: Uint32Array;
	readonly #start: Uint32Array;

	/** `xy`: x, y in map pixels per point (NaN for points not on the map). */
	constructor(xy: Float32Array, width: number, height: number, cell = 16) {
		this.#xy = xy;
		this.#cell = cell;
		this.#cols = Math.max(1, Math.ceil(width / cell));
		this.#rows = Math.max(1, Math.ceil(height / cell));
		const n = xy.length / 2;
		const cellOf = new Int32Array(n);
		const counts = new Uint32Array(this.#cols * this.#rows + 1);
		for (let i = 0; i < n; i++) {
			const c = this.#cellAt(xy[i * 2]!, xy[i * 2 + 1]!);
			cellOf[i] = c;
			if (c >= 0) counts[c + 1]!++;
		}
		for (let c = 1; c < counts.length; c++) counts[c]! += counts[c - 1]!;
		this.#start = counts;
		this.#order = new Uint32Array(counts[counts.length - 1]!);
		const fill = counts.slice();
		for (let i = 0; i < n; i++) {
			const c = cellOf[i]!;
			if (c >= 0) this.#order[fill[c]!++] = i;
		}
	}

	#cellAt(x: number, y: number): number {
		if (!(x >= 0 && y >= 0)) return -1;
		const cx = Math.floor(x / this.#cell);
		const cy = Math.floor(y / this.#cell);
		return cx < this.#cols && cy < this.#rows ? cy * this.#cols + cx : -1;
	}

	/** The point nearest to (x, y) within `radius` pixels, or -1. */
	nearest(x: number, y: number, radius: number): number {
		let best = -1;
		let bestD = radius * radius;
		const x0 = Math.max(0, Math.floor((x - radius) / this.#cell));
		const x1 = Math.min(this.#cols - 1, Math.floor((x + radius) / this.#cell));
		const y0 = Math.max(0, Math.floor((y - radius) / this.#cell));
		const y1 = Math.min(this.#rows - 1, Math.floor((y + radius) / this.#cell));
		for (let cy = y0; cy <= y1; cy++) {
			for (let cx = x0; cx <= x1; cx++) {
				const c = cy * this.#cols + cx;
				for (let k = this.#start[c]!; k < this.#start[c + 1]!; k++) {
					const i = this.#order[k]!;
					const dx = this.#xy[i * 2]! - x;
					const dy = this.#xy[i * 2 + 1]! - y;
					const d = dx * dx + dy * dy;
					if (d <= bestD) {
						bestD = d;
						best = i;
					}
				}
			}
		}
		return best;
	}
}

/**
 * Map pixels of a pointer event on an element that may sit inside a CSS-scaled canvas (the wall
 * screen scales its 1920×1080 design to the display): client pixels divided by the scale.
 */
export function localPoint(
	clientX: number,
	clientY: number,
	rect: { left: number; top: number; width: number; height: number },
	layoutWidth: number,
	layoutHeight: number
): [number, number] {
	const sx = rect.width / layoutWidth || 1;
	const sy = rect.height / layoutHeight || 1;
	return [(clientX - rect.left) / sx, (clientY - rect.top) / sy];
}

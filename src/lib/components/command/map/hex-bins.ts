/**
 * Hexagon binning of open alerts, done here rather than by deck.gl's HexagonLayer: a new alert
 * adds to one bin in O(1) instead of re-aggregating 100,000 points, and the bins need no GPU
 * aggregation (software GL on the wall PCs). Flat-topped hexagons in a local equirectangular
 * projection around `origin`, exact enough across one city.
 */

const M_PER_DEG_LAT = 110_574;
const M_PER_DEG_LON_EQUATOR = 111_320;
const SQRT3 = Math.sqrt(3);
/** Axial coordinates are packed into one number: a map key without strings. */
const OFFSET = 32_768;
const SPAN = 65_536;

export interface HexGrid {
	radiusM: number;
	/** The bin of a position, as a packed axial key. */
	cellOf(lon: number, lat: number): number;
	/** The bin's centre [lon, lat]. */
	centerOf(key: number): [number, number];
}

export function hexGrid(origin: [number, number], radiusM: number): HexGrid {
	const [lon0, lat0] = origin;
	const mPerDegLon = M_PER_DEG_LON_EQUATOR * Math.cos((lat0 * Math.PI) / 180);
	return {
		radiusM,
		cellOf(lon, lat) {
			const x = (lon - lon0) * mPerDegLon;
			const y = (lat - lat0) * M_PER_DEG_LAT;
			const q = ((2 / 3) * x) / radiusM;
			const r = ((-1 / 3) * x + (SQRT3 / 3) * y) / radiusM;
			const [rq, rr] = roundAxial(q, r);
			return (rq + OFFSET) * SPAN + (rr + OFFSET);
		},
		centerOf(key) {
			const q = Math.floor(key / SPAN) - OFFSET;
			const r = (key % SPAN) - OFFSET;
			const x = radiusM * 1.5 * q;
			const y = radiusM * SQRT3 * (r + q / 2);
			return [lon0 + x / mPerDegLon, lat0 + y / M_PER_DEG_LAT];
		}
	};
}

/** Cube rounding: the nearest hexagon centre to fractional axial coordinates. */
function roundAxial(q: number, r: number): [number, number] {
	const s = -q - r;
	let rq = Math.round(q);
	let rr = Math.round(r);
	const rs = Math.round(s);
	const dq = Math.abs(rq - q);
	const dr = Math.abs(rr - r);
	const ds = Math.abs(rs - s);
	if (dq > dr && dq > ds) rq = -rr - rs;
	else if (dr > ds) rr = -rq - rs;
	return [rq + 0, rr + 0];
}

export interface HexCell {
	key: number;
	position: [number, number];
	weight: number;
}

/** Weights per bin; each point's bin is worked out once, when the points load. */
export class HexBins {
	readonly #cellOfPoint: Float64Array;
	readonly #weights = new Map<number, number>();
	#cells: HexCell[] | null = null;

	constructor(
		readonly grid: HexGrid,
		positions: Float32Array,
		weights: ArrayLike<number>
	) {
		const n = positions.length / 2;
		this.#cellOfPoint = new Float64Array(n);
		for (let i = 0; i < n; i++) {
			const key = grid.cellOf(positions[i * 2]!, positions[i * 2 + 1]!);
			this.#cellOfPoint[i] = key;
			const w = weights[i] ?? 0;
			if (w > 0) this.#weights.set(key, (this.#weights.get(key) ?? 0) + w);
		}
	}

	/** Point `i`'s weight changed by `delta`. */
	add(i: number, delta: number): void {
		const key = this.#cellOfPoint[i];
		if (key === undefined || delta === 0) return;
		const w = Math.max(0, (this.#weights.get(key) ?? 0) + delta);
		if (w === 0) this.#weights.delete(key);
		else this.#weights.set(key, w);
		this.#cells = null;
	}

	/** The bins with weight, for a layer; the same array until a weight changes. */
	cells(): HexCell[] {
		this.#cells ??= [...this.#weights].map(([key, weight]) => ({
			key,
			position: this.grid.centerOf(key),
			weight
		}));
		return this.#cells;
	}

	get max(): number {
		let m = 0;
		for (const w of this.#weights.values()) m = Math.max(m, w);
		return m;
	}
}

/**
 * A map drawn as SVG on the server: for the public search, on a slow phone, with no tiles, no
 * network and no script. Areas (district outlines) are projected into a fixed-width view,
 * clipped to it, simplified and rounded to whole units, so a city of ten districts costs a few
 * kilobytes; points (shops) are projected into the same view.
 */

/** Longitude, latitude (GeoJSON positions may carry more, e.g. an altitude). */
export type LonLat = readonly [number, number, ...number[]];
type Xy = [number, number];

export interface Bounds {
	west: number;
	south: number;
	east: number;
	north: number;
}

/** An area to draw: its outer rings (one per polygon) in lon/lat, and where its label goes. */
export interface GeoArea {
	id: string;
	center: LonLat;
	rings: LonLat[][];
}

export interface MapArea {
	id: string;
	/** SVG path data in view units: whole numbers, relative moves. */
	d: string;
	/** The label's place, or null when the area's centre is outside the view or near its edge. */
	label: Xy | null;
}

export interface MapView {
	width: number;
	height: number;
	areas: MapArea[];
	/** Lon/lat to view units (not rounded). */
	project(p: LonLat): Xy;
	/** Whether a projected point falls inside the view. */
	inside(p: Xy): boolean;
}

export function boundsOf(rings: Iterable<readonly LonLat[]>): Bounds {
	const b = { west: Infinity, south: Infinity, east: -Infinity, north: -Infinity };
	for (const ring of rings) {
		for (const [lon, lat] of ring) {
			b.west = Math.min(b.west, lon);
			b.east = Math.max(b.east, lon);
			b.south = Math.min(b.south, lat);
			b.north = Math.max(b.north, lat);
		}
	}
	return b;
}

/** The bounds grown by a fraction of their size on every side. */
export function padBounds(b: Bounds, fraction: number): Bounds {
	const dx = (b.east - b.west) * fraction;
	const dy = (b.north - b.south) * fraction;
	return { west: b.west - dx, south: b.south - dy, east: b.east + dx, north: b.north + dy };
}

/**
 * Equirectangular with the longitude shrunk by cos(latitude) at the view's middle: at a city's
 * scale it is as true as any projection, and it is one multiplication.
 */
export function projector(b: Bounds, width: number) {
	const kx = Math.cos((((b.north + b.south) / 2) * Math.PI) / 180);
	const spanX = Math.max((b.east - b.west) * kx, 1e-9);
	const scale = width / spanX;
	const height = Math.max(1, Math.round((b.north - b.south) * scale));
	const project = ([lon, lat]: LonLat): Xy => [
		(lon - b.west) * kx * scale,
		(b.north - lat) * scale
	];
	return { width, height, project };
}

/** Sutherland–Hodgman: the part of a closed ring inside the rectangle [x0, x1] × [y0, y1]. */
export function clipRing(ring: Xy[], x0: number, y0: number, x1: number, y1: number): Xy[] {
	const edges: [(p: Xy) => boolean, (a: Xy, b: Xy) => Xy][] = [
		[(p) => p[0] >= x0, (a, b) => at(a, b, (x0 - a[0]) / (b[0] - a[0]))],
		[(p) => p[0] <= x1, (a, b) => at(a, b, (x1 - a[0]) / (b[0] - a[0]))],
		[(p) => p[1] >= y0, (a, b) => at(a, b, (y0 - a[1]) / (b[1] - a[1]))],
		[(p) => p[1] <= y1, (a, b) => at(a, b, (y1 - a[1]) / (b[1] - a[1]))]
	];
	let out = ring;
	for (const [inside, cross] of edges) {
		const input = out;
		out = [];
		for (let i = 0; i < input.length; i++) {
			const cur = input[i] as Xy;
			const prev = input[(i + input.length - 1) % input.length] as Xy;
			if (inside(cur)) {
				if (!inside(prev)) out.push(cross(prev, cur));
				out.push(cur);
			} else if (inside(prev)) {
				out.push(cross(prev, cur));
			}
		}
		if (out.length === 0) break;
	}
	return out;
}

const at = (a: Xy, b: Xy, t: number): Xy => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];

/** Douglas–Peucker on an open polyline: drops points nearer than `tolerance` to the line kept. */
export function simplify(points: Xy[], tolerance: number): Xy[] {
	if (points.length < 3) return points;
	const keep = new Uint8Array(points.length);
	keep[0] = 1;
	keep[points.length - 1] = 1;
	const stack: [number, number][] = [[0, points.length - 1]];
	while (stack.length > 0) {
		const [first, last] = stack.pop() as [number, number];
		let worst = -1;
		let worstD = tolerance;
		for (let i = first + 1; i < last; i++) {
			const d = distanceToSegment(points[i] as Xy, points[first] as Xy, points[last] as Xy);
			if (d > worstD) {
				worst = i;
				worstD = d;
			}
		}
		if (worst > 0) {
			keep[worst] = 1;
			stack.push([first, worst], [worst, last]);
		}
	}
	return points.filter((_, i) => keep[i] === 1);
}

function distanceToSegment(p: Xy, a: Xy, b: Xy): number {
	const dx = b[0] - a[0];
	const dy = b[1] - a[1];
	const len2 = dx * dx + dy * dy;
	const t =
		len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
	return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

/**
 * A closed ring as path data: an absolute move, then relative lines between the rounded points
 * (differences of rounded points, so rounding never accumulates), repeats dropped.
 */
export function ringPath(ring: Xy[]): string {
	const pts: Xy[] = [];
	for (const [x, y] of ring) {
		const p: Xy = [Math.round(x), Math.round(y)];
		const last = pts.at(-1);
		if (!last || last[0] !== p[0] || last[1] !== p[1]) pts.push(p);
	}
	const first = pts[0];
	const end = pts.at(-1);
	if (first && end && pts.length > 1 && first[0] === end[0] && first[1] === end[1]) pts.pop();
	if (pts.length < 3 || !first) return '';
	let d = `M${first[0]} ${first[1]}`;
	for (let i = 1; i < pts.length; i++) {
		const [x, y] = pts[i] as Xy;
		const [px, py] = pts[i - 1] as Xy;
		d += `l${x - px} ${y - py}`;
	}
	return `${d}z`;
}

/** Room a label needs around its centre, in view units (a three-character name at 28 units). */
const LABEL_X = 50;
const LABEL_Y = 20;

/**
 * The view of some areas: the focused one's bounds (padded) when there is a focus, else all of
 * them; every area clipped to the view, simplified by `tolerance` view units and rounded.
 */
export function mapView(
	areas: GeoArea[],
	{
		focus = null,
		width = 1000,
		pad = 0.04,
		tolerance = 1.2
	}: { focus?: string | null; width?: number; pad?: number; tolerance?: number } = {}
): MapView {
	const focused = areas.filter((a) => a.id === focus);
	const framed = focused.length > 0 ? focused : areas;
	const bounds = padBounds(boundsOf(framed.flatMap((a) => a.rings)), pad);
	const { height, project } = projector(bounds, width);
	const inside = ([x, y]: Xy) => x >= 0 && x <= width && y >= 0 && y <= height;
	// A little past the edge, so a clipped outline's cut does not show as a stroke on the frame.
	const m = 4;
	const drawn: MapArea[] = [];
	for (const a of areas) {
		const d = a.rings
			.map((ring) => {
				const clipped = clipRing(ring.map(project), -m, -m, width + m, height + m);
				return clipped.length < 3
					? ''
					: ringPath(simplify([...clipped, clipped[0] as Xy], tolerance));
			})
			.join('');
		if (!d) continue;
		const [cx, cy] = project(a.center);
		// A name is drawn whole or not at all: its centre must leave room for half its width.
		const fits = cx >= LABEL_X && cx <= width - LABEL_X && cy >= LABEL_Y && cy <= height - LABEL_Y;
		drawn.push({ id: a.id, d, label: fits ? [Math.round(cx), Math.round(cy)] : null });
	}
	return { width, height, areas: drawn, project, inside };
}

/** Points projected into the view, rounded; those outside it (or without a place) left out. */
export function placePoints<T extends { lon: number; lat: number }>(
	view: Pick<MapView, 'project' | 'inside'>,
	items: readonly T[]
): (T & { x: number; y: number })[] {
	const placed: (T & { x: number; y: number })[] = [];
	for (const item of items) {
		if (!Number.isFinite(item.lon) || !Number.isFinite(item.lat)) continue;
		if (item.lon === 0 && item.lat === 0) continue;
		const p = view.project([item.lon, item.lat]);
		if (!view.inside(p)) continue;
		placed.push({ ...item, x: Math.round(p[0]), y: Math.round(p[1]) });
	}
	return placed;
}

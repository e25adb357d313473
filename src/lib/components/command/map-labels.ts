/** A label placed on the map, in pixels of the map's box; `dx/dy` is its shift from the anchor. */
export interface PlacedLabel {
	id: string;
	x: number;
	y: number;
	dx: number;
	dy: number;
}

/** Shifts to try, nearest first: the city's small core districts crowd each other at city zoom. */
const OFFSETS: [number, number][] = [
	[0, 0],
	[0, -30],
	[0, 30],
	[-70, 0],
	[70, 0],
	[-60, -30],
	[60, -30],
	[-60, 30],
	[60, 30],
	[0, -60],
	[0, 60],
	[-90, -50],
	[90, -50],
	[-90, 50],
	[90, 50]
];

/** Han characters are about 1em wide, Latin ones about 0.6em: near enough to avoid overlaps. */
function textWidth(text: string, fontSize: number): number {
	let em = 0;
	for (const ch of text) em += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 1 : 0.6;
	return em * fontSize;
}

/**
 * Greedy placement without overlaps: each label takes the first shift whose box (an estimate
 * from the character count) collides with no label placed before it.
 */
export function placeLabels(
	anchors: { id: string; x: number; y: number; text: string }[],
	{ fontSize = 22, gap = 4 }: { fontSize?: number; gap?: number } = {}
): PlacedLabel[] {
	const boxes: { l: number; t: number; r: number; b: number }[] = [];
	const placed: PlacedLabel[] = [];
	for (const a of anchors) {
		const halfW = textWidth(a.text, fontSize) / 2 + gap;
		const halfH = fontSize / 2 + gap;
		const fits = ([dx, dy]: [number, number]) => {
			const box = {
				l: a.x + dx - halfW,
				r: a.x + dx + halfW,
				t: a.y + dy - halfH,
				b: a.y + dy + halfH
			};
			return boxes.every((o) => box.r < o.l || box.l > o.r || box.b < o.t || box.t > o.b)
				? box
				: null;
		};
		let chosen: [number, number] = [0, 0];
		let box = fits(chosen);
		for (const offset of OFFSETS) {
			box = fits(offset);
			if (box) {
				chosen = offset;
				break;
			}
		}
		const [dx, dy] = chosen;
		boxes.push(box ?? { l: a.x - halfW, r: a.x + halfW, t: a.y - halfH, b: a.y + halfH });
		placed.push({ id: a.id, x: a.x, y: a.y, dx, dy });
	}
	return placed;
}

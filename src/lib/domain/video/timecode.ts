/**
 * A machine-readable clock burned into the test pattern, beside the human-readable one: a row of
 * 32 blocks along the top-left of the frame, white = 1, black = 0, most significant bit first,
 * holding floor(wall-clock ms / 40) mod 2³² (one count per frame at 25 fps). Tests and benchmarks
 * read it back from a player's canvas or a recorded frame to know when a picture was made: the
 * latency of a live tile, the time a played-back frame was recorded. Survives MPEG-1 at tile
 * bitrates because the blocks are 16×16 (one macroblock each).
 */
export const TIMECODE = { bits: 32, blockPx: 16, top: 0, left: 0, frameMs: 40 } as const;
const WRAP = 2 ** TIMECODE.bits;

/**
 * The ffmpeg filters that draw it. They go first in the filter chain of a source whose frames
 * are made now (lavfi with -re): frame times become the wall clock for the drawing, then are
 * renumbered for the encoder.
 */
export function timecodeFilters(): string {
	const boxes = Array.from({ length: TIMECODE.bits }, (_, i) => {
		const bit = TIMECODE.bits - 1 - i;
		const x = TIMECODE.left + i * TIMECODE.blockPx;
		return (
			`drawbox=x=${x}:y=${TIMECODE.top}:w=${TIMECODE.blockPx}:h=${TIMECODE.blockPx}` +
			`:color=white:t=fill:enable='mod(floor(floor(t*25)/${2 ** bit}),2)'`
		);
	});
	return [`setpts=RTCTIME/(TB*1000000)`, ...boxes, `setpts=N/(25*TB)`].join(',');
}

/**
 * The count from the blocks' brightness (0–255, sampled at each block's centre, in order from
 * the left); null when the row does not look like a timecode (no clear black and white).
 */
export function decodeTimecode(blockLuma: readonly number[]): number | null {
	if (blockLuma.length !== TIMECODE.bits) return null;
	let value = 0;
	for (const y of blockLuma) {
		if (y > 90 && y < 160) return null;
		value = value * 2 + (y >= 160 ? 1 : 0);
	}
	return value;
}

/** The wall-clock ms a count stands for: the one nearest `nearMs` (the count wraps every ~5 years). */
export function timecodeMs(value: number, nearMs: number): number {
	const span = WRAP * TIMECODE.frameMs;
	const base = value * TIMECODE.frameMs;
	const turns = Math.round((nearMs - base) / span);
	return base + turns * span;
}

/** Where to sample block i (its centre), in frame pixels. */
export function timecodeSamplePoint(i: number): { x: number; y: number } {
	const half = TIMECODE.blockPx / 2;
	return { x: TIMECODE.left + i * TIMECODE.blockPx + half, y: TIMECODE.top + half };
}

import type { Locator } from '@playwright/test';
import {
	decodeTimecode,
	TIMECODE,
	timecodeMs,
	timecodeSamplePoint
} from '../../src/lib/domain/video/timecode';

/** What a tile's canvas shows now: a pixel fingerprint, whether it is blank, its burned-in clock. */
export interface TileSample {
	/** Sum of luma over a coarse grid: changes when the picture moves. */
	fingerprint: number;
	/** Luma spread over that grid: ~0 for a blank (all black or grey) canvas. */
	spread: number;
	/** The timecode's wall-clock ms (null when the row is not readable). */
	madeAt: number | null;
	/** The page's clock when sampled. */
	now: number;
	frames: number;
}

/**
 * Reads a tile's canvas in the page: the timecode blocks along the top (luma at each block's
 * centre, decoded with the contract's own functions) and a coarse grid for motion and blankness.
 */
export async function sampleTile(tile: Locator): Promise<TileSample> {
	const points = Array.from({ length: TIMECODE.bits }, (_, i) => timecodeSamplePoint(i));
	const raw = await tile.locator('canvas').evaluate((canvas: HTMLCanvasElement, pts) => {
		// The tile's canvas is drawn by a worker (an OffscreenCanvas placeholder): copy what it shows.
		const { width, height } = canvas;
		const copy = document.createElement('canvas');
		copy.width = width;
		copy.height = height;
		const ctx = copy.getContext('2d', { willReadFrequently: true })!;
		ctx.drawImage(canvas, 0, 0);
		const img = ctx.getImageData(0, 0, width, height).data;
		const luma = (x: number, y: number) => {
			const i = (Math.min(height - 1, y) * width + Math.min(width - 1, x)) * 4;
			return 0.299 * img[i]! + 0.587 * img[i + 1]! + 0.114 * img[i + 2]!;
		};
		const grid: number[] = [];
		for (let gy = 1; gy < 8; gy++) {
			for (let gx = 1; gx < 8; gx++) grid.push(luma((gx * width) >> 3, (gy * height) >> 3));
		}
		const mean = grid.reduce((a, b) => a + b, 0) / grid.length;
		return {
			blocks: pts.map((p) => luma(p.x, p.y)),
			fingerprint: grid.reduce((a, b, i) => a + b * (i + 1), 0),
			spread: Math.sqrt(grid.reduce((a, b) => a + (b - mean) ** 2, 0) / grid.length),
			now: Date.now(),
			frames: Number(canvas.dataset.frames ?? 0)
		};
	}, points);
	const count = decodeTimecode(raw.blocks);
	return {
		fingerprint: raw.fingerprint,
		spread: raw.spread,
		madeAt: count === null ? null : timecodeMs(count, raw.now),
		now: raw.now,
		frames: raw.frames
	};
}

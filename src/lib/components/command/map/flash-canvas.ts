import type { Flash } from '../map-layers';
import { FLASH_MS } from '../map-layers';
import { severityColor } from '../severity';

const PULSE_MS = 1_200;

/**
 * New alerts pulsing where they happened, drawn with Canvas 2D rather than WebGL: on software
 * GL every WebGL frame is read back from the GL process for the compositor (a full-canvas
 * stall on the main thread), and the pulse redraws 60 times a second. A 2D canvas is painted
 * in place. `project` turns [lon, lat] into map pixels.
 */
export class FlashCanvas {
	readonly #canvas: HTMLCanvasElement;
	readonly #ctx: CanvasRenderingContext2D | null;
	#flashes: { flash: Flash; x: number; y: number }[] = [];
	#frame: number | null = null;
	#drawn = false;
	redraws = 0;

	constructor(
		parent: HTMLElement,
		width: number,
		height: number,
		private readonly project: (p: [number, number]) => [number, number]
	) {
		this.#canvas = document.createElement('canvas');
		this.#canvas.width = width;
		this.#canvas.height = height;
		Object.assign(this.#canvas.style, { width: `${width}px`, height: `${height}px` });
		parent.append(this.#canvas);
		this.#ctx = this.#canvas.getContext('2d');
	}

	set(flashes: Flash[]): void {
		this.#flashes = flashes.map((flash) => {
			const [x, y] = this.project(flash.position);
			return { flash, x, y };
		});
		if (this.#frame === null) this.#frame = requestAnimationFrame(() => this.#draw());
	}

	destroy(): void {
		if (this.#frame !== null) cancelAnimationFrame(this.#frame);
		this.#canvas.remove();
	}

	#draw(): void {
		this.#frame = null;
		const ctx = this.#ctx;
		if (!ctx) return;
		const now = Date.now();
		const active = this.#flashes.filter((f) => now - f.flash.at < FLASH_MS);
		// Nothing to show and nothing shown: leave the canvas alone.
		if (active.length === 0 && !this.#drawn) return;
		ctx.clearRect(0, 0, this.#canvas.width, this.#canvas.height);
		this.#drawn = active.length > 0;
		this.redraws++;
		for (const { flash, x, y } of active) {
			const age = Math.max(0, now - flash.at);
			const phase = (age % PULSE_MS) / PULSE_MS;
			const fade = Math.max(0, 1 - age / FLASH_MS);
			const [r, g, b] = severityColor[flash.severity];
			ctx.beginPath();
			ctx.arc(x, y, 10 + phase * 46, 0, Math.PI * 2);
			ctx.lineWidth = 4;
			ctx.strokeStyle = `rgba(${r}, ${g}, ${b}, ${(1 - phase) * fade})`;
			ctx.stroke();
			ctx.beginPath();
			ctx.arc(x, y, 9, 0, Math.PI * 2);
			ctx.fillStyle = `rgba(${r}, ${g}, ${b}, ${Math.max(0.35, fade)})`;
			ctx.fill();
			ctx.lineWidth = 2;
			ctx.strokeStyle = 'rgba(255, 255, 255, 0.9)';
			ctx.stroke();
		}
		if (this.#drawn) this.#frame = requestAnimationFrame(() => this.#draw());
	}
}

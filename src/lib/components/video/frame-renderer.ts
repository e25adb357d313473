import JSMpeg, { type JSMpegRenderer } from '@cycjimmy/jsmpeg-player';

/**
 * Draws decoded pictures on a tile's 2D canvas. No WebGL: a browser gives a page about 16 WebGL
 * contexts and a 16-tile wall (plus the command screen's map) would lose some to black. Where the
 * browser has WebCodecs (secure contexts: https or localhost), the planes go into a VideoFrame
 * and the browser converts YUV→RGB natively; elsewhere jsmpeg's own JavaScript conversion.
 */
export class FrameRenderer implements JSMpegRenderer {
	enabled = true;
	readonly #canvas: HTMLCanvasElement;
	readonly #ctx: CanvasRenderingContext2D;
	readonly #fallback: JSMpegRenderer;
	readonly #native = typeof VideoFrame === 'function';
	#width = 0;
	#height = 0;
	#planes: Uint8Array | null = null;

	constructor(canvas: HTMLCanvasElement) {
		this.#canvas = canvas;
		this.#ctx = canvas.getContext('2d', { alpha: false })!;
		this.#fallback = new JSMpeg.Renderer.Canvas2D({ canvas });
	}

	resize(width: number, height: number): void {
		this.#width = width | 0;
		this.#height = height | 0;
		if (this.#native) {
			this.#canvas.width = this.#width;
			this.#canvas.height = this.#height;
		} else this.#fallback.resize(width, height);
	}

	render(y: Uint8Array, cr: Uint8Array, cb: Uint8Array): void {
		if (!this.enabled || this.#width === 0) return;
		if (!this.#native) return this.#fallback.render(y, cr, cb);
		// Planes are macroblock-aligned (coded size); the visible rectangle cuts the padding.
		const codedWidth = (this.#width + 15) & ~15;
		const codedHeight = y.length / codedWidth;
		const size = y.length + cb.length + cr.length;
		if (this.#planes?.length !== size) this.#planes = new Uint8Array(size);
		this.#planes.set(y, 0);
		this.#planes.set(cb, y.length);
		this.#planes.set(cr, y.length + cb.length);
		const frame = new VideoFrame(this.#planes, {
			format: 'I420',
			codedWidth,
			codedHeight,
			timestamp: 0,
			visibleRect: { x: 0, y: 0, width: this.#width, height: this.#height }
		});
		try {
			this.#ctx.drawImage(frame, 0, 0);
		} finally {
			frame.close();
		}
	}

	renderProgress(): void {}

	/** Blanks the canvas (a reused player must not show the previous camera's last picture). */
	clear(): void {
		this.#ctx.fillStyle = '#000';
		this.#ctx.fillRect(0, 0, this.#canvas.width, this.#canvas.height);
	}

	destroy(): void {}
}

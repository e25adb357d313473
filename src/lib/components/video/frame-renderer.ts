import JSMpeg, { type JSMpegRenderer } from '@cycjimmy/jsmpeg-player';

/**
 * Keeps the newest decoded picture and draws it on the tile's 2D canvas when asked (`flush`), so
 * a backlog decoded in one go costs one drawing. No WebGL: a browser gives a page about 16 WebGL
 * contexts and a 16-tile wall (plus the command screen's map) would lose some to black. Where the
 * browser has WebCodecs, the planes go into a VideoFrame and the browser converts YUV→RGB
 * natively; elsewhere jsmpeg's own JavaScript conversion.
 */
export class FrameRenderer implements JSMpegRenderer {
	enabled = true;
	readonly #canvas: OffscreenCanvas;
	readonly #ctx: OffscreenCanvasRenderingContext2D;
	readonly #fallback: JSMpegRenderer;
	readonly #native = typeof VideoFrame === 'function';
	#width = 0;
	#height = 0;
	/** The newest picture's planes, I420 order (Y, Cb, Cr), coded (macroblock-aligned) size. */
	#planes: Uint8Array | null = null;
	#lumaSize = 0;
	#pending = false;

	constructor(canvas: OffscreenCanvas) {
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
		const size = y.length + cb.length + cr.length;
		if (this.#planes?.length !== size) this.#planes = new Uint8Array(size);
		this.#planes.set(y, 0);
		this.#planes.set(cb, y.length);
		this.#planes.set(cr, y.length + cb.length);
		this.#lumaSize = y.length;
		this.#pending = true;
	}

	/** Draws the newest picture kept since the last flush; true when there was one. */
	flush(): boolean {
		if (!this.#pending || !this.#planes) return false;
		this.#pending = false;
		const planes = this.#planes;
		const luma = this.#lumaSize;
		const chroma = (planes.length - luma) / 2;
		if (!this.#native) {
			const cb = planes.subarray(luma, luma + chroma);
			const cr = planes.subarray(luma + chroma);
			this.#fallback.render(planes.subarray(0, luma), cr, cb);
			return true;
		}
		const codedWidth = (this.#width + 15) & ~15;
		const frame = new VideoFrame(planes, {
			format: 'I420',
			codedWidth,
			codedHeight: luma / codedWidth,
			timestamp: 0,
			// The visible rectangle cuts the macroblock padding.
			visibleRect: { x: 0, y: 0, width: this.#width, height: this.#height }
		});
		try {
			this.#ctx.drawImage(frame, 0, 0);
		} finally {
			frame.close();
		}
		return true;
	}

	renderProgress(): void {}

	/** Blanks the canvas (a reused player must not show the previous camera's last picture). */
	clear(): void {
		this.#pending = false;
		this.#ctx.fillStyle = '#000';
		this.#ctx.fillRect(0, 0, this.#canvas.width, this.#canvas.height);
	}

	destroy(): void {}
}

/**
 * The parts of @cycjimmy/jsmpeg-player (a packaging of phoboslab/jsmpeg) the tiles use; the
 * package ships no types. Names follow jsmpeg's own source.
 */
declare module '@cycjimmy/jsmpeg-player' {
	/** A place decoded pictures go: planes in jsmpeg's order (Y, Cr, Cb), coded size. */
	export interface JSMpegRenderer {
		enabled: boolean;
		resize(width: number, height: number): void;
		render(y: Uint8Array, cr: Uint8Array, cb: Uint8Array, isClampedArray?: boolean): void;
		renderProgress(progress: number): void;
		destroy(): void;
	}

	/** Where the demuxer's bytes come from (jsmpeg calls connect, start, resume, destroy). */
	export interface JSMpegSource {
		streaming: boolean;
		established: boolean;
		completed: boolean;
		progress: number;
		connect(destination: { write(data: ArrayBuffer): void }): void;
		start(): void;
		resume(headroom: number): void;
		destroy(): void;
	}

	export interface JSMpegVideoDecoder {
		destination: JSMpegRenderer | null;
		decoder?: number;
		hasSequenceHeader: boolean;
		frameRate: number;
		write(pts: number, buffers: Uint8Array[]): void;
		decode(): boolean;
		connect(destination: JSMpegRenderer): void;
		destroy(): void;
	}

	export interface JSMpegOptions {
		canvas?: HTMLCanvasElement | OffscreenCanvas;
		source?: new (url: string, options: JSMpegOptions) => JSMpegSource;
		audio?: boolean;
		video?: boolean;
		disableGl?: boolean;
		disableWebAssembly?: boolean;
		pauseWhenHidden?: boolean;
		videoBufferSize?: number;
		decodeFirstFrame?: boolean;
		streaming?: boolean;
		onVideoDecode?: (decoder: JSMpegVideoDecoder, elapsedSeconds: number) => void;
		[key: string]: unknown;
	}

	export class Player {
		constructor(url: string, options: JSMpegOptions);
		source: JSMpegSource;
		video: JSMpegVideoDecoder;
		renderer: JSMpegRenderer;
		paused: boolean;
		play(): void;
		pause(): void;
		destroy(): void;
		updateForStreaming(): void;
	}

	const JSMpeg: {
		Player: typeof Player;
		Renderer: {
			Canvas2D: new (options: { canvas: HTMLCanvasElement | OffscreenCanvas }) => JSMpegRenderer;
		};
	};
	export default JSMpeg;
}

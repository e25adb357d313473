import JSMpeg, { type Player } from '@cycjimmy/jsmpeg-player';
import { FrameRenderer } from './frame-renderer';
import type { FromDecoder } from './tile-messages';
import { TileSource } from './tile-source';

/** No bytes for this long on a socket that has shown pictures: treat it as dropped. */
const STALL_MS = 5_000;

/**
 * One tile's decoding, inside a worker: the socket, jsmpeg's demuxer and WASM decoder, and the
 * tile's canvas (an OffscreenCanvas). Pictures are decoded on the worker's animation frames and
 * only the newest of a backlog is drawn: a wall shows now, not a replay.
 * The Player is kept for the worker's life and pointed at camera after camera (the WASM heap
 * never shrinks, so decoders are reused, not rebuilt).
 */
export class TileDecoder {
	readonly #player: Player;
	readonly #source: TileSource;
	readonly #renderer: FrameRenderer;
	readonly #post: (m: FromDecoder) => void;
	readonly #slot: number;
	#generation = -1;
	#openedAt = 0;
	#frames = 0;
	#skipped = 0;
	#firstPictureMs: number | null = null;
	#reported = -1;

	constructor(slot: number, canvas: OffscreenCanvas, post: (m: FromDecoder) => void) {
		this.#slot = slot;
		this.#post = post;
		this.#source = new TileSource({
			onEstablished: () => {},
			onClose: (code) => this.#closed(code)
		});
		const source = this.#source;
		this.#player = new JSMpeg.Player('', {
			canvas,
			// jsmpeg builds its source with `new`; a constructor may hand back an existing object.
			source: function () {
				return source;
			} as unknown as new () => TileSource,
			audio: false,
			disableGl: true,
			pauseWhenHidden: false,
			videoBufferSize: 1024 * 1024,
			onVideoDecode: () => this.#onPicture()
		});
		// Decoding is driven by the bytes (#decode), never by jsmpeg's animation loop.
		this.#player.pause();
		this.#player.play = () => {};
		this.#renderer = new FrameRenderer(canvas);
		this.#player.renderer = this.#renderer;
		this.#player.video.connect(this.#renderer);
	}

	/** Opens `url`; the decoder starts afresh, the canvas keeps its picture until a new one. */
	async open(generation: number, url: string): Promise<void> {
		this.#generation = generation;
		this.#source.close();
		this.#resetDecoder();
		await this.#wasmReady();
		if (generation !== this.#generation) return;
		this.#openedAt = performance.now();
		this.#source.open(url);
	}

	/** Closes the socket (nothing reported: the page asked); blanks the canvas unless `keep`. */
	stop(generation: number, keep: boolean): void {
		this.#generation = generation;
		this.#source.close();
		if (keep) return;
		this.#resetDecoder();
		this.#renderer.clear();
	}

	send(message: unknown): void {
		this.#source.send(message);
	}

	/** Called every second by the worker: reports progress and drops a stalled socket. */
	tick(now: number): void {
		this.#report();
		const s = this.#source;
		if (s.isOpen && this.#frames > 0 && now - s.lastDataAt > STALL_MS) {
			s.close();
			this.#closed(1006);
		}
	}

	destroy(): void {
		this.#source.close();
		this.#player.destroy();
	}

	#closed(code: number): void {
		this.#report();
		this.#post({ type: 'closed', slot: this.#slot, generation: this.#generation, code });
	}

	#onPicture(): void {
		this.#frames++;
		if (this.#firstPictureMs === null) {
			this.#firstPictureMs = performance.now() - this.#openedAt;
			this.#report();
		}
	}

	/** Progress for the page, only when it moved. */
	#report(): void {
		if (this.#frames === this.#reported) return;
		this.#reported = this.#frames;
		this.#post({
			type: 'pictures',
			slot: this.#slot,
			generation: this.#generation,
			frames: this.#frames,
			skipped: this.#skipped,
			firstPictureMs: this.#firstPictureMs === null ? null : Math.round(this.#firstPictureMs)
		});
	}

	/** jsmpeg compiles its WASM decoder asynchronously; bytes before that would crash it. */
	async #wasmReady(): Promise<void> {
		const wasm = (this.#player as unknown as { wasmModule?: { ready: boolean } }).wasmModule;
		for (let i = 0; wasm && !wasm.ready && i < 200; i++) {
			await new Promise((r) => setTimeout(r, 10));
		}
		if (wasm && !wasm.ready) throw new Error('the WASM decoder did not compile');
	}

	/**
	 * One display frame's work (the worker calls it on each animation frame): decode everything
	 * that has arrived and draw only the newest picture. Behind (a busy machine, a burst from the
	 * network), the tile skips to now instead of replaying; and a machine that cannot show every
	 * picture draws fewer of them, as animation frames come slower, but decodes them all.
	 */
	frame(): void {
		const before = this.#frames;
		while (this.#player.video.decode());
		const decoded = this.#frames - before;
		if (this.#renderer.flush()) this.#skipped += Math.max(0, decoded - 1);
	}

	/**
	 * A new camera starts from its next sequence header, not from the tail of the last one: the
	 * decoder is freed and made again on the next write (freed WASM memory is reused).
	 */
	#resetDecoder(): void {
		const video = this.#player.video;
		if (video.decoder) {
			video.destroy();
			video.decoder = undefined;
		}
		video.hasSequenceHeader = false;
		this.#frames = 0;
		this.#skipped = 0;
		this.#firstPictureMs = null;
		this.#reported = -1;
	}
}

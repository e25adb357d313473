import JSMpeg, { type Player } from '@cycjimmy/jsmpeg-player';
import { shouldReconnect, videoCloseCodes } from '$lib/domain/video/protocol';
import { FrameRenderer } from './frame-renderer';
import { PictureCounter } from './picture-counter';
import { TileSource } from './tile-source';

export type TileStatus =
	| 'idle'
	| 'connecting'
	| 'live'
	| 'offline'
	| 'refused'
	| 'paused'
	/** A playback reached the end of the recording: it stays on its last picture. */
	| 'ended';

/** What a tile plays: `url()` builds a fresh address with a fresh ticket on every (re)connect. */
export interface TileTarget {
	key: string;
	url: () => Promise<string>;
	/** Playback ends (the service closes it when the recording does); live goes on forever. */
	kind?: 'live' | 'playback';
	/**
	 * A current ticket to show the open socket before its own runs out (the live relay lets a
	 * socket go when its ticket ends); none for the public, who have no ticket.
	 */
	renew?: () => Promise<string | null>;
}

/** Pictures behind the live edge before the tile catches up (3 × 40 ms at 25 fps). */
const MAX_LAG_PICTURES = 3;
/** No bytes for this long on an open socket: treat it as dropped. */
const STALL_MS = 5_000;
const BACKOFF_MS = [500, 1_000, 2_000, 4_000, 8_000];
/** Tickets live 5 minutes: show the live socket a current one every minute. */
const RENEW_MS = 60_000;

/**
 * One tile's player: a jsmpeg Player on its own 2D canvas, kept for the page's life and pointed
 * at camera after camera (the WASM heap never shrinks, so players are reused, not rebuilt; see
 * player-pool.ts). It owns the socket's lifecycle: reconnects with a fresh ticket on the codes
 * that may heal, stops and says why on a refusal, and catches up when the page decodes slower
 * than the camera sends (jsmpeg decodes one picture per animation frame).
 */
export class TilePlayer {
	status = $state<TileStatus>('idle');
	/** Since when the status holds (epoch ms). */
	since = $state(Date.now());
	/** The close code of a refusal, or of the last drop. */
	code = $state<number | null>(null);
	/** Pictures decoded on the current target (a plain field: it moves 25 times a second). */
	frames = 0;
	/** Milliseconds from open to the first picture of the current target. */
	firstPictureMs: number | null = null;
	skipped = 0;
	readonly canvas: HTMLCanvasElement;
	readonly #player: Player;
	readonly #source: TileSource;
	readonly #renderer: FrameRenderer;
	readonly #counter = new PictureCounter();
	#target: TileTarget | null = null;
	#suspended = false;
	#attempt = 0;
	#openedAt = 0;
	#retry: ReturnType<typeof setTimeout> | undefined;
	#watchdog: ReturnType<typeof setInterval>;
	#renewal: ReturnType<typeof setInterval>;
	#generation = 0;

	constructor() {
		this.canvas = document.createElement('canvas');
		this.canvas.width = 640;
		this.canvas.height = 360;
		this.#source = new TileSource({
			onEstablished: () => {},
			onClose: (code) => this.#onClose(code)
		});
		const source = this.#source;
		this.#player = new JSMpeg.Player('', {
			canvas: this.canvas,
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
		this.#renderer = new FrameRenderer(this.canvas);
		this.#player.renderer = this.#renderer;
		this.#player.video.connect(this.#renderer);
		this.#wrapWrites();
		this.#player.updateForStreaming = () => this.#decode();
		this.#watchdog = setInterval(() => this.#checkStall(), 1_000);
		this.#renewal = setInterval(() => this.#renew(), RENEW_MS);
	}

	/** Plays `target` (or nothing); the same key keeps the running connection. */
	play(target: TileTarget | null): void {
		if (target?.key === this.#target?.key && target) {
			this.#target = target;
			return;
		}
		this.#target = target;
		this.#restart();
	}

	/** Off-screen tiles hold no socket and decode nothing. */
	setSuspended(suspended: boolean): void {
		if (suspended === this.#suspended) return;
		this.#suspended = suspended;
		this.#restart();
	}

	/** Reconnects now (a retry button, or a new ticket after a refusal that may have healed). */
	retry(): void {
		this.#restart();
	}

	/** Stops where it is and keeps the last picture (playback's pause); `play` goes on. */
	freeze(): void {
		clearTimeout(this.#retry);
		this.#generation++;
		this.#source.close();
		this.#player.pause();
		this.#target = null;
		this.#setStatus('paused');
	}

	release(): void {
		// The next tile to take this player decides for itself whether it is on screen.
		this.#suspended = false;
		this.play(null);
	}

	destroy(): void {
		clearInterval(this.#watchdog);
		clearInterval(this.#renewal);
		clearTimeout(this.#retry);
		this.#player.destroy();
	}

	#setStatus(status: TileStatus, code: number | null = null): void {
		if (this.status !== status) {
			this.status = status;
			this.since = Date.now();
		}
		this.code = code;
	}

	#restart(): void {
		clearTimeout(this.#retry);
		this.#generation++;
		this.#source.close();
		this.#player.pause();
		this.#resetDecoder();
		this.#renderer.clear();
		this.#attempt = 0;
		if (!this.#target) return this.#setStatus('idle');
		if (this.#suspended) return;
		this.#setStatus('connecting');
		void this.#open();
	}

	async #open(): Promise<void> {
		const generation = this.#generation;
		const target = this.#target;
		if (!target) return;
		let url: string;
		try {
			url = await target.url();
			await this.#wasmReady();
		} catch {
			if (generation === this.#generation) this.#onClose(1006);
			return;
		}
		if (generation !== this.#generation) return;
		this.#openedAt = performance.now();
		this.firstPictureMs = null;
		this.frames = 0;
		this.#source.open(url);
		this.#player.play();
	}

	/** jsmpeg compiles its WASM decoder asynchronously; bytes before that would crash it. */
	async #wasmReady(): Promise<void> {
		const wasm = (this.#player as unknown as { wasmModule?: { ready: boolean } }).wasmModule;
		for (let i = 0; wasm && !wasm.ready && i < 200; i++) {
			await new Promise((r) => setTimeout(r, 10));
		}
		if (wasm && !wasm.ready) throw new Error('the WASM decoder did not compile');
	}

	#onClose(code: number): void {
		this.#player.pause();
		// The end of a recording: keep its last picture, never replay it from the start.
		if (code === videoCloseCodes.ended || (this.#target?.kind === 'playback' && code === 1000)) {
			return this.#setStatus('ended', code);
		}
		this.#resetDecoder();
		const healing = shouldReconnect(code);
		// An expired ticket heals with a new one; twice in a row means it is not an expiry.
		const expired = code === videoCloseCodes.unauthorized && this.#attempt === 0;
		if (!healing && !expired) return this.#setStatus('refused', code);
		this.#setStatus(code === videoCloseCodes.offline ? 'offline' : 'connecting', code);
		const delay = BACKOFF_MS[Math.min(this.#attempt, BACKOFF_MS.length - 1)]!;
		this.#attempt++;
		const generation = this.#generation;
		this.#retry = setTimeout(() => {
			if (generation === this.#generation && !this.#suspended) void this.#open();
		}, delay);
	}

	#onPicture(): void {
		this.frames++;
		if (this.firstPictureMs === null) {
			this.firstPictureMs = performance.now() - this.#openedAt;
			// For tests and the bench (scripts/bench-video-wall.ts), read off the canvas.
			this.canvas.dataset.firstPictureMs = String(Math.round(this.firstPictureMs));
		}
		if (this.status !== 'live') {
			this.#attempt = 0;
			this.#setStatus('live');
		}
	}

	#renew(): void {
		const target = this.#target;
		if (!target?.renew || target.kind === 'playback' || !this.#source.isOpen) return;
		const generation = this.#generation;
		target.renew().then(
			(ticket) => {
				if (ticket && generation === this.#generation) this.#source.send({ ticket });
			},
			// Not renewed: the socket ends with its ticket and reconnects with a new one.
			() => {}
		);
	}

	#checkStall(): void {
		if (this.status !== 'live' || !this.#source.isOpen) return;
		if (performance.now() - this.#source.lastDataAt > STALL_MS) {
			this.#source.close();
			this.#onClose(1006);
		}
	}

	/** Count pictures as they reach the decoder, to know how far behind it is. */
	#wrapWrites(): void {
		const video = this.#player.video;
		const write = video.write.bind(video);
		video.write = (pts, buffers) => {
			for (const b of buffers) this.#counter.write(b);
			write(pts, buffers);
		};
	}

	/**
	 * One animation frame's work. Behind by more than a few pictures (the page was busy), decode
	 * the backlog without drawing it and draw only the newest: a wall shows now, not a replay.
	 */
	#decode(): void {
		const video = this.#player.video;
		const behind = this.#counter.written - this.frames;
		if (behind > MAX_LAG_PICTURES) {
			video.destination = null;
			let n = behind - 1;
			while (n-- > 0 && video.decode()) this.skipped++;
			video.destination = this.#renderer;
		}
		video.decode();
		this.canvas.dataset.frames = String(this.frames);
		this.canvas.dataset.skipped = String(this.skipped);
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
		this.#counter.reset();
		this.frames = 0;
	}
}

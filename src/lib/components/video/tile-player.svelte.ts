import { shouldReconnect, videoCloseCodes } from '$lib/domain/video/protocol';
import type { FromDecoder } from './tile-messages';
import { DecoderLink } from './tile-workers';

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

const BACKOFF_MS = [500, 1_000, 2_000, 4_000, 8_000];
/** Tickets live 5 minutes: show the live socket a current one every minute. */
const RENEW_MS = 60_000;

/**
 * One tile's player, kept for the page's life and pointed at camera after camera (see
 * player-pool.ts). The pictures are a worker's business (tile-decoder.ts: socket, decoding and
 * drawing on this canvas, off the main thread); this side owns the decisions: which camera, a
 * fresh ticket on every connect, reconnecting on the codes that may heal, stopping and saying why
 * on a refusal.
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
	readonly #decoder: DecoderLink;
	#target: TileTarget | null = null;
	#suspended = false;
	#open = false;
	#attempt = 0;
	#retry: ReturnType<typeof setTimeout> | undefined;
	#renewal: ReturnType<typeof setInterval>;
	#generation = 0;

	constructor() {
		this.canvas = document.createElement('canvas');
		this.canvas.width = 640;
		this.canvas.height = 360;
		this.#decoder = new DecoderLink(this.canvas, (m) => this.#fromDecoder(m));
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
		this.#stop(true);
		this.#target = null;
		this.#setStatus('paused');
	}

	release(): void {
		// The next tile to take this player decides for itself whether it is on screen.
		this.#suspended = false;
		this.play(null);
	}

	destroy(): void {
		clearInterval(this.#renewal);
		clearTimeout(this.#retry);
		this.#decoder.close();
	}

	#setStatus(status: TileStatus, code: number | null = null): void {
		if (this.status !== status) {
			this.status = status;
			this.since = Date.now();
		}
		this.code = code;
	}

	/** A new generation: whatever the worker still says about the last one is ignored. */
	#stop(keep: boolean): void {
		this.#generation++;
		this.#open = false;
		this.#decoder.stop(this.#generation, keep);
		this.frames = 0;
		this.skipped = 0;
		this.firstPictureMs = null;
	}

	#restart(): void {
		clearTimeout(this.#retry);
		this.#stop(false);
		this.#attempt = 0;
		if (!this.#target) return this.#setStatus('idle');
		if (this.#suspended) return;
		this.#setStatus('connecting');
		void this.#connect();
	}

	async #connect(): Promise<void> {
		const generation = this.#generation;
		const target = this.#target;
		if (!target) return;
		let url: string;
		try {
			url = await target.url();
		} catch {
			if (generation === this.#generation) this.#onClose(1006);
			return;
		}
		if (generation !== this.#generation) return;
		this.#open = true;
		this.#decoder.open(generation, url);
	}

	#fromDecoder(m: FromDecoder): void {
		if (m.generation !== this.#generation) return;
		if (m.type === 'closed') {
			this.#open = false;
			return this.#onClose(m.code);
		}
		this.frames = m.frames;
		this.skipped = m.skipped;
		this.firstPictureMs = m.firstPictureMs;
		// For tests and the bench (scripts/bench-video-wall.ts), read off the canvas.
		const data = this.canvas.dataset;
		if (m.firstPictureMs !== null) data.firstPictureMs = String(m.firstPictureMs);
		data.frames = String(m.frames);
		data.skipped = String(m.skipped);
		// Pictures of a closed socket still decode after its close (a playback at 8× ends with a
		// backlog): they must not turn an ended or dropped tile back to live.
		if (m.frames > 0 && this.#open && this.status !== 'live') {
			this.#attempt = 0;
			this.#setStatus('live');
		}
	}

	#onClose(code: number): void {
		// The end of a recording: keep its last picture, never replay it from the start.
		if (code === videoCloseCodes.ended || (this.#target?.kind === 'playback' && code === 1000)) {
			return this.#setStatus('ended', code);
		}
		const healing = shouldReconnect(code);
		// An expired ticket heals with a new one; twice in a row means it is not an expiry.
		const expired = code === videoCloseCodes.unauthorized && this.#attempt === 0;
		if (!healing && !expired) return this.#setStatus('refused', code);
		this.#setStatus(code === videoCloseCodes.offline ? 'offline' : 'connecting', code);
		const delay = BACKOFF_MS[Math.min(this.#attempt, BACKOFF_MS.length - 1)]!;
		this.#attempt++;
		this.#retry = setTimeout(() => {
			if (this.#suspended || !this.#target) return;
			// The next picture is a new connection's: counted from zero, the canvas kept until then.
			this.#stop(true);
			void this.#connect();
		}, delay);
	}

	#renew(): void {
		const target = this.#target;
		if (!target?.renew || target.kind === 'playback' || !this.#open) return;
		const generation = this.#generation;
		target.renew().then(
			(ticket) => {
				if (ticket && generation === this.#generation) this.#decoder.send({ ticket });
			},
			// Not renewed: the socket ends with its ticket and reconnects with a new one.
			() => {}
		);
	}
}

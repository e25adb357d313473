/**
 * What a tile's player (page) and its decoder (a worker) say to each other. The worker owns the
 * socket, the decoder and the canvas, so pictures never touch the page's main thread; the page
 * keeps the decisions (which camera, tickets, retries). `generation` ties an answer to the open it
 * belongs to: the page ignores what a camera it has since left still had to say.
 */
export type ToDecoder =
	/** A tile's canvas, given to the worker once for the player's life. */
	| { type: 'attach'; slot: number; canvas: OffscreenCanvas }
	| { type: 'open'; slot: number; generation: number; url: string }
	/** Stop: `keep` leaves the last picture (playback's pause), otherwise the canvas is blanked. */
	| { type: 'stop'; slot: number; generation: number; keep: boolean }
	/** A text frame for the open socket (a renewed ticket). */
	| { type: 'send'; slot: number; message: unknown }
	| { type: 'detach'; slot: number };

export type FromDecoder =
	/** Pictures decoded so far on this open; sent on the first and then a few times a second. */
	| {
			type: 'pictures';
			slot: number;
			generation: number;
			frames: number;
			skipped: number;
			firstPictureMs: number | null;
	  }
	/** The socket closed (the service's code, 1006 for the network or a stall). */
	| { type: 'closed'; slot: number; generation: number; code: number };

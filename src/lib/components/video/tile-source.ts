import type { JSMpegSource } from '@cycjimmy/jsmpeg-player';

export interface SourceEvents {
	/** The first bytes of this connection arrived. */
	onEstablished(): void;
	/** The socket closed (by the service with a code of its own, or the network: 1006). */
	onClose(code: number): void;
}

/**
 * jsmpeg's byte source for a tile: a WebSocket the tile opens and closes itself (jsmpeg's own
 * source reconnects blindly every 5 s and hides the close code, so a refusal could never be told
 * from a drop). One per pooled player; `open` points it at another camera or time.
 */
export class TileSource implements JSMpegSource {
	streaming = true;
	established = false;
	completed = false;
	progress = 0;
	lastDataAt = 0;
	bytes = 0;
	#destination: { write(data: ArrayBuffer): void } | null = null;
	#socket: WebSocket | null = null;
	readonly #events: SourceEvents;

	constructor(events: SourceEvents) {
		this.#events = events;
	}

	connect(destination: { write(data: ArrayBuffer): void }): void {
		this.#destination = destination;
	}

	/** jsmpeg calls this once its decoder is ready; the tile decides when to open. */
	start(): void {}

	resume(): void {}

	open(url: string): void {
		this.close();
		this.established = false;
		const socket = new WebSocket(url);
		socket.binaryType = 'arraybuffer';
		socket.onmessage = (ev: MessageEvent<ArrayBuffer>) => {
			if (socket !== this.#socket) return;
			this.lastDataAt = performance.now();
			this.bytes += ev.data.byteLength;
			if (!this.established) {
				this.established = true;
				this.#events.onEstablished();
			}
			this.#destination?.write(ev.data);
		};
		socket.onclose = (ev) => {
			if (socket !== this.#socket) return;
			this.#socket = null;
			this.established = false;
			this.#events.onClose(ev.code);
		};
		this.#socket = socket;
	}

	/** Closes without telling the tile (it asked for it). */
	close(): void {
		const socket = this.#socket;
		this.#socket = null;
		this.established = false;
		if (socket) {
			socket.onmessage = null;
			socket.onclose = null;
			socket.close();
		}
	}

	/** A text frame to the service (a renewed ticket); dropped when the socket is not open. */
	send(message: unknown): void {
		if (this.#socket?.readyState === WebSocket.OPEN) this.#socket.send(JSON.stringify(message));
	}

	get isOpen(): boolean {
		return this.#socket !== null;
	}

	destroy(): void {
		this.close();
	}
}

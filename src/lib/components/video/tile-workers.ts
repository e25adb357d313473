import type { FromDecoder, ToDecoder } from './tile-messages';

type Listener = (m: FromDecoder) => void;

interface TileWorker {
	worker: Worker;
	tiles: number;
}

/** A worker per core (at most four): a 16-tile wall spreads its decoding over the machine. */
const COUNT = Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2));
const workers: TileWorker[] = [];
const listeners = new Map<number, Listener>();
let nextSlot = 1;

function spawn(): TileWorker {
	const worker = new Worker(new URL('./tile-worker.ts', import.meta.url), { type: 'module' });
	worker.onmessage = (ev: MessageEvent<FromDecoder>) => listeners.get(ev.data.slot)?.(ev.data);
	const w = { worker, tiles: 0 };
	workers.push(w);
	return w;
}

/** A decoder for one tile's canvas, on the least busy worker. */
export class DecoderLink {
	readonly slot = nextSlot++;
	readonly #worker: TileWorker;

	constructor(canvas: HTMLCanvasElement, listener: Listener) {
		this.#worker =
			workers.length < COUNT ? spawn() : workers.reduce((a, b) => (b.tiles < a.tiles ? b : a));
		this.#worker.tiles++;
		listeners.set(this.slot, listener);
		const offscreen = canvas.transferControlToOffscreen();
		this.#post({ type: 'attach', slot: this.slot, canvas: offscreen }, [offscreen]);
	}

	open(generation: number, url: string): void {
		this.#post({ type: 'open', slot: this.slot, generation, url });
	}

	stop(generation: number, keep: boolean): void {
		this.#post({ type: 'stop', slot: this.slot, generation, keep });
	}

	send(message: unknown): void {
		this.#post({ type: 'send', slot: this.slot, message });
	}

	close(): void {
		this.#post({ type: 'detach', slot: this.slot });
		listeners.delete(this.slot);
		this.#worker.tiles--;
	}

	#post(m: ToDecoder, transfer: Transferable[] = []): void {
		this.#worker.worker.postMessage(m, transfer);
	}
}

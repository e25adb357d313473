import { join } from 'node:path';
import type { Camera } from '../../src/lib/domain/video/camera';
import { GopCache } from '../relay/gop-cache';
import { liveArgs, type SourceOptions } from './ffmpeg-args';
import { LiveSource, type SourceStatus } from './live-source';
import { processMarker } from './marker';
import type { SourceGate } from './source-gate';

export interface SourceSettings {
	ffmpeg: string;
	instance: string;
	stillDir: string;
	lingerMs: number;
	env: Record<string, string>;
	/** The per-camera encoding options (tile, font, merchant name…) as of now. */
	options: (camera: Camera) => Omit<SourceOptions, 'marker'>;
	/** Checks the source's address before each run connects (source-gate.ts). */
	gate: SourceGate;
}

interface Running {
	camera: Camera;
	source: LiveSource;
	cache: GopCache;
	wanted: number;
	linger?: ReturnType<typeof setTimeout>;
}

/** How often the running encoder rewrites its still (for /snapshot). */
export const STILL_EVERY_SECONDS = 2;

/**
 * One ffmpeg per watched camera, however many viewers: started by the first `want`, stopped
 * `lingerMs` after the last `unwant` (a reload or a rotating wall comes back within it). Whole TS
 * packets go to `onPackets`; `primer()` is what a new viewer gets first.
 */
export class SourceManager {
	readonly #running = new Map<string, Running>();
	#closed = false;

	constructor(
		private readonly s: SourceSettings,
		private readonly onPackets: (cameraId: string, packets: Buffer) => void,
		private readonly onExit: (cameraId: string, status: SourceStatus) => void = () => {}
	) {}

	stillPath(cameraId: string): string {
		return join(this.s.stillDir, `${cameraId}.live.jpg`);
	}

	want(camera: Camera): void {
		if (this.#closed) return;
		const known = this.#running.get(camera.cameraId);
		if (known) {
			known.wanted++;
			clearTimeout(known.linger);
			known.linger = undefined;
			return;
		}
		this.#running.set(camera.cameraId, this.#start(camera, 1));
	}

	unwant(cameraId: string): void {
		const r = this.#running.get(cameraId);
		if (!r) return;
		r.wanted = Math.max(0, r.wanted - 1);
		if (r.wanted > 0) return;
		clearTimeout(r.linger);
		r.linger = setTimeout(() => {
			if (r.wanted === 0) void this.stop(cameraId);
		}, this.s.lingerMs);
	}

	/**
	 * The camera changed (source, name…): a running encoder starts again with the new settings.
	 * The entry stays in place meanwhile, so viewers arriving or leaving during the old encoder's
	 * stop are counted on it (a removed entry let a viewer start a second, orphaned encoder).
	 */
	async restart(camera: Camera): Promise<void> {
		const r = this.#running.get(camera.cameraId);
		if (!r) return;
		// The latest settings win when restarts overlap.
		r.camera = camera;
		const old = r.source;
		await old.stop();
		// Stopped meanwhile (last viewer gone, camera removed, service closing), or another
		// restart already swapped in an encoder with `r.camera`.
		if (this.#closed || this.#running.get(camera.cameraId) !== r || r.source !== old) return;
		const again = this.#start(r.camera, r.wanted);
		r.source = again.source;
		r.cache = again.cache;
	}

	async stop(cameraId: string): Promise<void> {
		const r = this.#running.get(cameraId);
		if (!r) return;
		this.#running.delete(cameraId);
		clearTimeout(r.linger);
		await r.source.stop();
	}

	primer(cameraId: string): Buffer {
		return this.#running.get(cameraId)?.cache.primer() ?? Buffer.alloc(0);
	}

	isRunning(cameraId: string): boolean {
		return this.#running.has(cameraId);
	}

	status(cameraId: string): SourceStatus | undefined {
		return this.#running.get(cameraId)?.source.status;
	}

	running(): { cameraId: string; pid?: number; status: SourceStatus; wanted: number }[] {
		return [...this.#running.entries()].map(([cameraId, r]) => ({
			cameraId,
			pid: r.source.pid,
			status: r.source.status,
			wanted: r.wanted
		}));
	}

	async close(): Promise<void> {
		this.#closed = true;
		await Promise.all([...this.#running.keys()].map((id) => this.stop(id)));
	}

	#start(camera: Camera, wanted: number): Running {
		const cache = new GopCache();
		const id = camera.cameraId;
		const source = new LiveSource(
			{
				ffmpeg: this.s.ffmpeg,
				env: this.s.env,
				args: async () =>
					liveArgs(await this.s.gate(camera.source), {
						...this.s.options(camera),
						marker: processMarker(this.s.instance, id, 'live'),
						stillPath: this.stillPath(id),
						stillEverySeconds: STILL_EVERY_SECONDS
					})
			},
			(chunk) => {
				const packets = cache.push(chunk);
				if (packets.length) this.onPackets(id, packets);
			},
			(status) => {
				// A new run starts a new stream: the old GOP does not continue it.
				cache.reset();
				this.onExit(id, status);
			}
		);
		return { camera, source, cache, wanted };
	}
}

import { readFile, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Camera } from '../../src/lib/domain/video/camera';
import { runFfmpeg } from '../sources/ffmpeg-child';
import { grabArgs, type SourceOptions } from '../sources/ffmpeg-args';
import { processMarker } from '../sources/marker';
import { SourceRefusedError, type SourceGate } from '../sources/source-gate';

export interface GrabSettings {
	ffmpeg: string;
	instance: string;
	dir: string;
	env: Record<string, string>;
	options: (camera: Camera) => Omit<SourceOptions, 'marker'>;
	concurrency: number;
	maxAgeMs: number;
	timeoutMs: number;
	/** Checks the source's address before each grab connects (source-gate.ts). */
	gate: SourceGate;
}

export interface GrabResult {
	ok: boolean;
	lastLine: string;
	at: number;
	/** Not grabbed: the source's address is refused. */
	refused?: boolean;
}

export class BusyError extends Error {
	override name = 'BusyError';
}

/** Waiting grabs beyond this are refused (503) rather than queued without end. */
const MAX_WAITING = 32;

/**
 * One-shot stills: ffmpeg grabs one frame of a camera into `<dir>/<cameraId>.jpg`. Serves the
 * snapshots of idle cameras and the probes of the health monitor (a grab that fails is a camera
 * that cannot be reached). At most `concurrency` run at once; grabs of one camera share a run.
 */
export class Grabber {
	#running = 0;
	readonly #waiting: (() => void)[] = [];
	readonly #inFlight = new Map<string, Promise<GrabResult>>();
	/**
	 * When a camera's last grab failed: snapshots don't try again before maxAgeMs (a dark RTSP
	 * camera would hold a grab slot for the whole timeout on every tile refresh).
	 */
	readonly #failedAt = new Map<string, number>();

	constructor(private readonly s: GrabSettings) {}

	pathOf(cameraId: string): string {
		return join(this.s.dir, `${cameraId}.jpg`);
	}

	grab(camera: Camera): Promise<GrabResult> {
		const known = this.#inFlight.get(camera.cameraId);
		if (known) return known;
		const run = this.#limited(() => this.#grab(camera)).finally(() =>
			this.#inFlight.delete(camera.cameraId)
		);
		this.#inFlight.set(camera.cameraId, run);
		return run;
	}

	/**
	 * A JPEG no older than the limit: the running encoder's still when it has a fresh one, else
	 * the last grab, else a new grab. Null when the camera gives no picture.
	 */
	async still(camera: Camera, liveStill?: string): Promise<Buffer | null> {
		const now = Date.now();
		for (const path of [liveStill, this.pathOf(camera.cameraId)]) {
			if (!path) continue;
			const s = await stat(path).catch(() => undefined);
			if (s && now - s.mtimeMs < this.s.maxAgeMs) return readFile(path).catch(() => null);
		}
		const failed = this.#failedAt.get(camera.cameraId);
		if (failed !== undefined && now - failed < this.s.maxAgeMs) return null;
		const r = await this.grab(camera);
		return r.ok ? readFile(this.pathOf(camera.cameraId)).catch(() => null) : null;
	}

	async #grab(camera: Camera): Promise<GrabResult> {
		const at = Date.now();
		const target = this.pathOf(camera.cameraId);
		// Written aside then renamed: a reader never sees half a JPEG.
		const temp = `${target}.${process.pid}.tmp.jpg`;
		let source;
		try {
			source = await this.s.gate(camera.source);
		} catch (e) {
			this.#failedAt.set(camera.cameraId, Date.now());
			const refused = e instanceof SourceRefusedError;
			return { ok: false, lastLine: (e as Error).message, at, ...(refused ? { refused } : {}) };
		}
		const args = grabArgs(source, {
			...this.s.options(camera),
			marker: processMarker(this.s.instance, camera.cameraId, 'grab'),
			path: temp
		});
		const r = await runFfmpeg(this.s.ffmpeg, args, this.s.env, this.s.timeoutMs);
		if (r.ok) await rename(temp, target).catch(() => {});
		// Probes (the health monitor's) keep grabbing; their outcome counts for snapshots too.
		if (r.ok) this.#failedAt.delete(camera.cameraId);
		else this.#failedAt.set(camera.cameraId, Date.now());
		return { ok: r.ok, lastLine: r.lastLine, at };
	}

	async #limited<T>(task: () => Promise<T>): Promise<T> {
		if (this.#running >= this.s.concurrency) {
			if (this.#waiting.length >= MAX_WAITING) throw new BusyError('too many snapshots at once');
			await new Promise<void>((r) => this.#waiting.push(r));
		}
		this.#running++;
		try {
			return await task();
		} finally {
			this.#running--;
			this.#waiting.shift()?.();
		}
	}
}

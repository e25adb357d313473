import type { ChildProcess } from 'node:child_process';
import { exited, lastLines, spawnFfmpeg, stopChild } from './ffmpeg-child';
import { SourceRefusedError } from './source-gate';

/** What the health monitor reads of a running source. */
export interface SourceStatus {
	startedAt: number;
	/** When the last byte came out (undefined: none yet since start). */
	lastByteAt?: number;
	/** ffmpeg runs in a row that ended without a picture. */
	failures: number;
	/** Whether the current (or last) run produced any byte. */
	producing: boolean;
	lastError?: string;
	/** The last attempt was not made: the source's address is refused (source-gate.ts). */
	refused?: boolean;
	restarts: number;
}

const MAX_BACKOFF_MS = 5_000;

/**
 * One camera's live encoder under supervision: ffmpeg is restarted with backoff (0.5 s doubling,
 * at most 5 s) whenever it exits until `stop()`; the bytes of every run go to `onData`.
 */
export class LiveSource {
	#child: ChildProcess | undefined;
	#stopped = false;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#lines: () => string[] = () => [];
	readonly status: SourceStatus;

	constructor(
		/** `args` is asked per run; it throws when the source may not be connected to now. */
		private readonly spec: {
			ffmpeg: string;
			args: () => Promise<string[]>;
			env: Record<string, string>;
		},
		private readonly onData: (chunk: Buffer) => void,
		private readonly onExit: (status: SourceStatus) => void = () => {}
	) {
		this.status = { startedAt: Date.now(), failures: 0, producing: false, restarts: 0 };
		void this.#run();
	}

	get pid(): number | undefined {
		return this.#child && !exited(this.#child) ? this.#child.pid : undefined;
	}

	async #run(): Promise<void> {
		if (this.#stopped) return;
		// Arguments are built per run: the merchant's name, the source or its address may have changed.
		let args: string[];
		try {
			args = await this.spec.args();
		} catch (e) {
			if (this.#stopped) return;
			// Not started at all (a refused address, a name that does not resolve): a failed run.
			this.status.refused = e instanceof SourceRefusedError;
			this.status.lastError = (e as Error).message;
			this.status.failures++;
			this.status.restarts++;
			this.onExit(this.status);
			this.#again();
			return;
		}
		// Stopped while the address was being checked: nothing may start now.
		if (this.#stopped) return;
		this.status.refused = false;
		const child = spawnFfmpeg(this.spec.ffmpeg, args, this.spec.env);
		this.#child = child;
		this.#lines = lastLines(child);
		this.status.producing = false;
		child.stdout?.on('data', (chunk: Buffer) => {
			this.status.lastByteAt = Date.now();
			if (!this.status.producing) {
				this.status.producing = true;
				this.status.failures = 0;
			}
			this.onData(chunk);
		});
		let ended = false;
		const end = (code: number | null, signal: NodeJS.Signals | null, failed?: string) => {
			if (ended || this.#stopped) return;
			ended = true;
			const line = this.#lines().at(-1);
			this.status.lastError = failed ?? line ?? `ffmpeg exited (${code ?? signal})`;
			if (!this.status.producing) this.status.failures++;
			this.status.restarts++;
			this.onExit(this.status);
			this.#again();
		};
		// An error listener, or a failed spawn (ENOENT, EAGAIN) would crash the service.
		child.on('error', (e) => {
			this.status.lastError = e.message;
			// A child that never started emits no 'exit': try again as after one.
			if (child.pid === undefined) end(null, null, e.message);
		});
		child.once('exit', end);
	}

	#again(): void {
		const wait = Math.min(MAX_BACKOFF_MS, 500 * 2 ** Math.max(0, this.status.failures - 1));
		this.#timer = setTimeout(() => void this.#run(), wait);
	}

	/** Stops for good: no more restarts; resolves once ffmpeg has exited. */
	async stop(): Promise<void> {
		this.#stopped = true;
		clearTimeout(this.#timer);
		if (this.#child) await stopChild(this.#child);
	}
}

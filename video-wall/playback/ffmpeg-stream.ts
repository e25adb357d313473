import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { listSegments } from '../recorder/segment-store';
import { spawnBound } from '../recorder/spawn';
import { daysBetween } from '../recorder/segments';
import { concatList, type PlayableSegment } from './playback-args';

/** A camera's finished segments that may hold [fromMs, toMs], as files playback can read. */
export async function segmentsAround(
	recDir: string,
	cameraId: string,
	fromMs: number,
	toMs: number,
	timeZone: string
): Promise<PlayableSegment[]> {
	const window = searchWindow(fromMs, toMs, Date.now());
	if (!window) return [];
	const days = daysBetween(window.fromMs, window.toMs, timeZone);
	return (await listSegments(recDir, cameraId, days)).map((s) => ({
		file: join(recDir, s.path),
		startMs: s.startMs,
		endMs: s.endMs
	}));
}

/** Nothing is kept longer than this (retention is days to months): older days are not looked at. */
export const OLDEST_RECORDING_MS = 366 * 86_400_000;

/**
 * The span of time whose day folders may hold [fromMs, toMs]: a segment starts at most one day
 * before it can reach `fromMs` (segments are minutes long), and never before a year ago (a `from`
 * of 1 would else walk 20,000 days, a readdir each). Undefined when nothing can be there.
 */
export function searchWindow(
	fromMs: number,
	toMs: number,
	nowMs: number
): { fromMs: number; toMs: number } | undefined {
	const from = Math.max(fromMs - 86_400_000, nowMs - OLDEST_RECORDING_MS);
	const to = Math.min(toMs, nowMs + 86_400_000);
	return from <= to ? { fromMs: from, toMs: to } : undefined;
}

/**
 * The ffmpeg children of open playbacks and clips, so the service can kill them all when it
 * stops (each is also killed when its socket or response goes away).
 */
export class StreamChildren {
	readonly #children = new Set<ChildProcessWithoutNullStreams>();

	constructor(private readonly log: (m: string) => void = () => {}) {}

	/** Starts ffmpeg on the segment list (written to its stdin); its stdout is the stream. */
	spawn(
		ffmpegPath: string,
		args: string[],
		segments: readonly PlayableSegment[]
	): ChildProcessWithoutNullStreams {
		const child = spawnBound(ffmpegPath, args);
		this.#children.add(child);
		child.once('close', () => this.#children.delete(child));
		// Without a listener a failed spawn (EAGAIN, ENOENT) throws and takes the service down;
		// 'close' still follows (code < 0), and the socket or response ends there.
		child.on('error', (e) => this.log(`playback ffmpeg: ${e.message}`));
		// ffmpeg may exit before reading the list (bad args): not our error to throw.
		child.stdin.on('error', () => {});
		child.stdin.end(concatList(segments));
		return child;
	}

	get size(): number {
		return this.#children.size;
	}

	pids(): number[] {
		return [...this.#children].map((c) => c.pid ?? 0);
	}

	/** Kills every child and waits for them to be gone. */
	async killAll(): Promise<void> {
		await Promise.all(
			[...this.#children].map(
				(c) =>
					new Promise<void>((resolve) => {
						if (c.exitCode !== null || c.signalCode !== null) return resolve();
						c.once('close', () => resolve());
						c.kill('SIGKILL');
					})
			)
		);
	}
}

/**
 * Playbacks and clips each hold an ffmpeg transcoding or copying: a few per viewer (a wall of
 * tiles replaying one incident), a few more in all, so a script cannot take the machine.
 */
export class StreamSlots {
	readonly #held = new Map<string, number>();
	#total = 0;

	constructor(private readonly limits: { perViewer: number; total: number }) {}

	/** A slot for the viewer `sub`, or undefined when full; call the release once when done. */
	take(sub: string): (() => void) | undefined {
		const mine = this.#held.get(sub) ?? 0;
		if (mine >= this.limits.perViewer || this.#total >= this.limits.total) return undefined;
		this.#held.set(sub, mine + 1);
		this.#total++;
		let released = false;
		return () => {
			if (released) return;
			released = true;
			this.#total--;
			const left = (this.#held.get(sub) ?? 1) - 1;
			if (left > 0) this.#held.set(sub, left);
			else this.#held.delete(sub);
		};
	}

	get total(): number {
		return this.#total;
	}
}

import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Camera } from '../../src/lib/domain/video/camera';
import type { SourceGate } from '../sources/source-gate';
import { parseListLine, parseProgressLine, recordArgs, type TestPattern } from './record-args';
import { finishPart, PART_DIR, recoverParts } from './segment-store';
import { supervise, type Supervised } from './supervised';

export interface RecorderOptions {
	/** The recordings folder: `<VIDEO_DIR>/rec`. */
	recDir: string;
	/** Length of a segment (cut at the next keyframe after it); 60 in service, 2–4 in tests. */
	segmentSeconds: number;
	/** Segments are filed under the local day of their start. */
	timeZone: string;
	testPattern: { width: number; height: number };
	ffmpegPath?: string;
	/** The live tiles' test pattern for a camera (record-args.ts `pattern`); built-in otherwise. */
	pattern?: (camera: Camera) => TestPattern;
	/** Tag for a camera's recording ffmpeg, found in its command line (to count children). */
	marker?: (cameraId: string) => string;
	backoff?: { minMs: number; maxMs: number };
	/** Checks the source's address before each run connects (a refused one is retried later). */
	gate?: SourceGate;
	log: (m: string) => void;
}

export interface RecordingStatus {
	cameraId: string;
	pid: number | undefined;
	restarts: number;
	lastError: string;
}

export interface Recorder {
	/** Records exactly the cameras given with recording on; starts, restarts (source changed) and stops runs to match. */
	sync(cameras: Iterable<Camera>): void;
	status(): RecordingStatus[];
	/** Stops every run (each finishes its open segment) and waits for them. */
	stop(): Promise<void>;
}

interface Run {
	key: string;
	/** Set once the camera's previous run (if any) has stopped. */
	supervised?: Supervised;
}

/**
 * One supervised ffmpeg per recording camera. ffmpeg writes parts and lists each as it closes
 * (stream seconds); the wall clock of stream time 0 is the least of "arrival − stream time" over
 * its progress reports and the list's lines (a live source's packet is never muxed before it
 * happens), and each part is renamed to its wall-clock span at once, so the files are the index.
 */
export function createRecorder(o: RecorderOptions): Recorder {
	const runs = new Map<string, Run>();
	// Per camera, the work in flight (a stop must finish before the next run tidies the folder).
	const chains = new Map<string, Promise<void>>();
	const after = (id: string, work: () => Promise<void>) => {
		const next = (chains.get(id) ?? Promise.resolve()).then(work).catch((e: unknown) => {
			o.log(`recorder ${id}: ${(e as Error).message}`);
		});
		chains.set(id, next);
	};

	const start = (camera: Camera): Supervised => {
		const id = camera.cameraId;
		const partDir = join(o.recDir, id, PART_DIR);
		let first = true;
		return supervise(
			async () => {
				await mkdir(partDir, { recursive: true });
				// Only at the first run: later runs' leftovers were tidied when their run ended.
				if (first) await recoverParts(o.recDir, id, o.timeZone);
				first = false;
				// Throws when the address is refused now: supervise() tries again after its backoff.
				const source = o.gate ? await o.gate(camera.source) : camera.source;
				const runId = `r${Date.now().toString(36)}`;
				let anchor = Infinity;
				let renames = Promise.resolve();
				return {
					command: o.ffmpegPath ?? 'ffmpeg',
					args: recordArgs(
						{ ...camera, source },
						{
							partDir,
							runId,
							segmentSeconds: o.segmentSeconds,
							testPattern: o.testPattern,
							marker: o.marker?.(id),
							pattern: camera.source.kind === 'test_pattern' ? o.pattern?.(camera) : undefined
						}
					),
					env: { TZ: o.timeZone },
					onProgressLine: (line) => {
						const ms = parseProgressLine(line);
						if (ms !== null) anchor = Math.min(anchor, Date.now() - ms);
					},
					onStdoutLine: (line) => {
						const entry = parseListLine(line);
						if (!entry) return;
						anchor = Math.min(anchor, Date.now() - entry.end * 1000);
						const startMs = anchor + entry.start * 1000;
						const endMs = anchor + entry.end * 1000;
						renames = renames
							.then(() => finishPart(o.recDir, id, entry.name, startMs, endMs, o.timeZone))
							.then(
								() => undefined,
								(e: unknown) => o.log(`recorder ${id}: ${(e as Error).message}`)
							);
					},
					onExit: async () => {
						await renames;
						await recoverParts(o.recDir, id, o.timeZone);
					}
				};
			},
			{
				log: (m) => o.log(`recorder ${id}: ${m}`),
				minBackoffMs: o.backoff?.minMs,
				maxBackoffMs: o.backoff?.maxMs
			}
		);
	};

	return {
		sync(cameras) {
			const wanted = new Map<string, Camera>();
			for (const c of cameras) if (c.recording) wanted.set(c.cameraId, c);
			for (const [id, run] of runs) {
				const c = wanted.get(id);
				if (c && JSON.stringify(c.source) === run.key) continue;
				runs.delete(id);
				after(id, async () => run.supervised?.stop());
			}
			for (const [id, c] of wanted) {
				if (runs.has(id)) continue;
				const run: Run = { key: JSON.stringify(c.source) };
				runs.set(id, run);
				after(id, async () => {
					if (runs.get(id) === run) run.supervised = start(c);
				});
			}
		},
		status() {
			return [...runs].map(([cameraId, r]) => ({
				cameraId,
				pid: r.supervised?.pid,
				restarts: r.supervised?.restarts ?? 0,
				lastError: r.supervised?.lastError ?? ''
			}));
		},
		async stop() {
			for (const [id, run] of runs) after(id, async () => run.supervised?.stop());
			runs.clear();
			await Promise.all(chains.values());
		}
	};
}

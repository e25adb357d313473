import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { spawnBound } from './spawn';

/** One run of a supervised process: what to start, and what to do with its output. */
export interface RunSpec {
	command: string;
	args: string[];
	env?: Record<string, string>;
	onStdoutLine?: (line: string) => void;
	/** ffmpeg's `-progress` lines (key=value) on stderr; the other lines are kept as its last error. */
	onProgressLine?: (line: string) => void;
	/** Runs after the process exited, before the next run is planned (e.g. to tidy its files). */
	onExit?: (code: number | null, signal: NodeJS.Signals | null) => void | Promise<void>;
}

export interface SupervisedOptions {
	minBackoffMs?: number;
	maxBackoffMs?: number;
	/** A run that lived this long was healthy: the next failure starts the backoff over. */
	healthyAfterMs?: number;
	/** How long a stopped process gets to finish its file (SIGINT) before SIGKILL. */
	graceMs?: number;
	log: (m: string) => void;
}

export interface Supervised {
	readonly pid: number | undefined;
	readonly restarts: number;
	/** ffmpeg's last few error lines, for the duty officer. */
	readonly lastError: string;
	/** Stops for good: SIGINT, then SIGKILL after the grace; resolves once the process is gone. */
	stop(): Promise<void>;
}

/**
 * Keeps a process running: restarts it with exponential backoff when it exits, kills it on stop.
 * A minimal stand-in for worker A's ffmpeg supervisor (same duty): swap `supervise` for theirs
 * when video-wall/ has it; the recorder needs only `stop()` and the per-run callbacks.
 */
export function supervise(
	next: () => Promise<RunSpec> | RunSpec,
	o: SupervisedOptions
): Supervised {
	const minBackoff = o.minBackoffMs ?? 500;
	const maxBackoff = o.maxBackoffMs ?? 30_000;
	const healthyAfter = o.healthyAfterMs ?? 30_000;
	let child: ChildProcess | undefined;
	let stopped = false;
	let restarts = 0;
	let backoff = minBackoff;
	let timer: NodeJS.Timeout | undefined;
	let lastError = '';
	let done: Promise<void> = Promise.resolve();

	const again = () => {
		restarts++;
		timer = setTimeout(() => void run().catch(fail), backoff);
		backoff = Math.min(maxBackoff, backoff * 2);
	};
	const run = async () => {
		if (stopped) return;
		let spec: RunSpec;
		try {
			spec = await next();
		} catch (e) {
			// Not startable now (e.g. the camera's address is refused): tried again after the backoff.
			lastError = (e as Error).message;
			if (stopped) return;
			o.log(`cannot start: ${lastError}; again in ${backoff} ms`);
			again();
			return;
		}
		if (stopped) return;
		const startedAt = Date.now();
		const proc = spawnBound(spec.command, spec.args, spec.env);
		proc.stdin.end();
		child = proc;
		if (spec.onStdoutLine && proc.stdout) {
			createInterface({ input: proc.stdout }).on('line', spec.onStdoutLine);
		}
		if (proc.stderr) {
			createInterface({ input: proc.stderr }).on('line', (line) => {
				if (/^\w+=/.test(line)) spec.onProgressLine?.(line);
				// Never a source address in logs: it may carry the camera's password.
				else if (line.trim()) lastError = line.replace(/rtsps?:\/\/\S+/g, 'rtsp://…').slice(0, 300);
			});
		}
		proc.on('error', (e) => {
			lastError = e.message;
		});
		done = new Promise<void>((resolve) => {
			proc.once('close', (code, signal) => {
				child = undefined;
				void Promise.resolve(spec.onExit?.(code, signal))
					.catch((e: unknown) => o.log(`after exit: ${(e as Error).message}`))
					.finally(() => {
						resolve();
						if (stopped) return;
						backoff = Date.now() - startedAt > healthyAfter ? minBackoff : backoff;
						o.log(
							`${spec.command} exited (${code ?? signal}): ${lastError}; again in ${backoff} ms`
						);
						again();
					});
			});
		});
	};
	const fail = (e: unknown) => o.log(`cannot start: ${(e as Error).message}`);
	void run().catch(fail);

	return {
		get pid() {
			return child?.pid;
		},
		get restarts() {
			return restarts;
		},
		get lastError() {
			return lastError;
		},
		async stop() {
			stopped = true;
			clearTimeout(timer);
			const proc = child;
			if (proc && proc.exitCode === null && proc.signalCode === null) {
				proc.kill('SIGINT');
				const kill = setTimeout(() => proc.kill('SIGKILL'), o.graceMs ?? 3_000);
				await done;
				clearTimeout(kill);
			} else await done;
		}
	};
}

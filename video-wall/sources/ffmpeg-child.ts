import { spawn, spawnSync, type ChildProcess } from 'node:child_process';

let setprivWorks: boolean | undefined;

/**
 * Whether util-linux `setpriv --pdeathsig` can run here. With it, the kernel kills an ffmpeg the
 * moment this service dies, even by SIGKILL (no handler of ours runs then): no orphans.
 */
function canSetPdeathsig(): boolean {
	setprivWorks ??=
		spawnSync('setpriv', ['--pdeathsig', 'KILL', '--', 'true'], { stdio: 'ignore' }).status === 0;
	return setprivWorks;
}

/**
 * Starts ffmpeg in its own process group (a Ctrl-C meant for the service does not reach it; we
 * stop it in order), bound to our life by a parent-death signal where available. Without
 * setpriv the fallback is the pipe: once we are gone its next write to stdout fails and it exits.
 */
export function spawnFfmpeg(
	ffmpeg: string,
	args: string[],
	env: Record<string, string> = {}
): ChildProcess {
	const [command, argv] = canSetPdeathsig()
		? ['setpriv', ['--pdeathsig', 'KILL', '--', ffmpeg, ...args]]
		: [ffmpeg, args];
	return spawn(command, argv, {
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true,
		env: { ...process.env, ...env }
	});
}

/** Keeps the last non-empty lines a child wrote to stderr (why it failed). */
export function lastLines(child: ChildProcess, keep = 5): () => string[] {
	const lines: string[] = [];
	let partial = '';
	child.stderr?.on('data', (d: Buffer) => {
		const parts = (partial + d.toString()).split('\n');
		partial = parts.pop() ?? '';
		for (const p of parts) {
			const line = p.trim();
			if (!line) continue;
			lines.push(line);
			if (lines.length > keep) lines.shift();
		}
	});
	return () => (partial.trim() ? [...lines, partial.trim()] : [...lines]);
}

export function exited(child: ChildProcess): boolean {
	return child.exitCode !== null || child.signalCode !== null;
}

/** SIGTERM to its group, SIGKILL after `graceMs`; resolves once it has exited. */
export async function stopChild(child: ChildProcess, graceMs = 2_000): Promise<void> {
	if (exited(child) || child.pid === undefined) return;
	const pid = child.pid;
	const gone = new Promise<void>((r) => child.once('exit', () => r()));
	const signal = (s: NodeJS.Signals) => {
		try {
			process.kill(-pid, s);
		} catch {
			// Already gone.
		}
	};
	signal('SIGTERM');
	const timer = setTimeout(() => signal('SIGKILL'), graceMs);
	await gone;
	clearTimeout(timer);
}

/** Runs ffmpeg to its end; resolves with its exit code and last stderr line, or kills it after `timeoutMs`. */
export async function runFfmpeg(
	ffmpeg: string,
	args: string[],
	env: Record<string, string>,
	timeoutMs: number
): Promise<{ ok: boolean; lastLine: string }> {
	const child = spawnFfmpeg(ffmpeg, args, env);
	const lines = lastLines(child);
	const timer = setTimeout(() => void stopChild(child, 500), timeoutMs);
	const code = await new Promise<number | null>((resolve) => {
		child.on('error', () => resolve(-1));
		child.once('exit', (c) => resolve(c));
	});
	clearTimeout(timer);
	const last = lines().at(-1) ?? (code === null ? 'timed out' : `exit ${code}`);
	return { ok: code === 0, lastLine: last };
}

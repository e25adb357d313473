import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';

let pdeathsig: boolean | undefined;

/**
 * Starts a child that dies with this service: through util-linux `setpriv --pdeathsig KILL`
 * where it runs, so even a SIGKILLed service leaves no ffmpeg behind (worker A's sources do the
 * same; share theirs once merged).
 */
export function spawnBound(
	command: string,
	args: string[],
	env: Record<string, string> = {}
): ChildProcessWithoutNullStreams {
	pdeathsig ??=
		spawnSync('setpriv', ['--pdeathsig', 'KILL', '--', 'true'], { stdio: 'ignore' }).status === 0;
	const [cmd, argv] = pdeathsig
		? ['setpriv', ['--pdeathsig', 'KILL', '--', command, ...args]]
		: [command, args];
	return spawn(cmd, argv, { stdio: 'pipe', env: { ...process.env, ...env } });
}

/**
 * Output metadata naming what a child is for (harmless to the stream), so tests and the service
 * can count their own ffmpeg processes by command line.
 */
export function markerArgs(marker: string | undefined): string[] {
	return marker ? ['-metadata', `comment=${marker}`] : [];
}

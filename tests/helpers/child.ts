import { spawn, type ChildProcess } from 'node:child_process';

/** A service as its own process (`tsx <entry>`), as `npm start` runs it; output kept for failures. */
export function spawnService(
	entry: string,
	env: Record<string, string>
): { child: ChildProcess; output: () => string } {
	let output = '';
	const child = spawn(process.execPath, ['--import', 'tsx', entry], {
		env: { ...process.env, ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
	child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
	return { child, output: () => output };
}

export async function killHard(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise((r) => child.once('exit', r));
	child.kill('SIGKILL');
	await exited;
}

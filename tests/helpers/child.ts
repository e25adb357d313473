import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { TEST_TICKET_SECRET } from './tickets';

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

/** The environment of a processor child on this test's nats-server, chDB in its folder. */
export function processorEnv(
	nats: { url: string; dir: string },
	port: number,
	extra: Record<string, string> = {}
): Record<string, string> {
	return {
		NATS_URL: nats.url,
		CHDB_PATH: join(nats.dir, 'clickhouse'),
		API_PORT: String(port),
		API_HOST: '127.0.0.1',
		TICKET_SECRET: TEST_TICKET_SECRET,
		...extra
	};
}

import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { TEST_TICKET_SECRET } from './tickets';

/**
 * A service as its own process, as `npm start` runs it (`tsx <entry>`, or plain node for a
 * build); output kept for failures.
 */
export function spawnService(
	entry: string,
	env: Record<string, string>,
	{ tsx = true }: { tsx?: boolean } = {}
): { child: ChildProcess; output: () => string } {
	let output = '';
	const child = spawn(process.execPath, [...(tsx ? ['--import', 'tsx'] : []), entry], {
		env: { ...process.env, ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
	child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
	return { child, output: () => output };
}

/**
 * Resolves once the child's own output says it listens on the port (`said`), so a test never
 * takes another process answering on that port for its own; rejects with the output if the child
 * exits first or stays silent past the timeout.
 */
export function saysListening(
	child: ChildProcess,
	output: () => string,
	said: string,
	timeoutMs: number
): Promise<void> {
	return new Promise((resolve, reject) => {
		const done = (error?: Error) => {
			clearInterval(poll);
			clearTimeout(timer);
			child.off('exit', onExit);
			if (error) reject(error);
			else resolve();
		};
		const onExit = (code: number | null) =>
			done(new Error(`exited (${code}) before listening:\n${output()}`));
		const poll = setInterval(() => {
			if (output().includes(said)) done();
		}, 50);
		const timer = setTimeout(
			() => done(new Error(`not listening after ${timeoutMs} ms:\n${output()}`)),
			timeoutMs
		);
		child.once('exit', onExit);
	});
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

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, waitForPort } from './net';

export interface TestNats {
	url: string;
	port: number;
	dir: string;
	stop(): Promise<void>;
}

/** A real nats-server with JetStream on a free port and its own temporary folder. */
export async function startNats(): Promise<TestNats> {
	const port = await freePort();
	const dir = await mkdtemp(join(tmpdir(), 'fs-nats-'));
	const child: ChildProcess = spawn(
		'nats-server',
		['-js', '-a', '127.0.0.1', '-p', String(port), '-sd', dir],
		{
			stdio: 'ignore'
		}
	);
	await waitForPort(port);
	return {
		url: `nats://127.0.0.1:${port}`,
		port,
		dir,
		stop: async () => {
			if (child.exitCode === null) {
				const exited = new Promise((r) => child.once('exit', r));
				child.kill('SIGTERM');
				await exited;
			}
			await rm(dir, { recursive: true, force: true });
		}
	};
}

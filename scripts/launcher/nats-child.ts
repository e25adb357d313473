import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, waitForPort } from './net';

export interface TestNats {
	url: string;
	port: number;
	dir: string;
	/** Kills the server (its data stays), as an outage would. */
	kill(): Promise<void>;
	/** Starts it again on the same port and folder. */
	restart(): Promise<void>;
	stop(): Promise<void>;
}

async function killChild(child: ChildProcess | undefined): Promise<void> {
	if (!child || child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise((r) => child.once('exit', r));
	child.kill('SIGTERM');
	await exited;
}

/** A real nats-server with JetStream on a free port and its own temporary folder. */
export async function startNats(): Promise<TestNats> {
	const port = await freePort();
	const dir = await mkdtemp(join(tmpdir(), 'fs-nats-'));
	let child: ChildProcess | undefined;
	const launch = async () => {
		child = spawn('nats-server', ['-js', '-a', '127.0.0.1', '-p', String(port), '-sd', dir], {
			stdio: 'ignore'
		});
		await waitForPort(port);
	};
	await launch();
	return {
		url: `nats://127.0.0.1:${port}`,
		port,
		dir,
		kill: () => killChild(child),
		restart: async () => {
			await killChild(child);
			await launch();
		},
		stop: async () => {
			await killChild(child);
			await rm(dir, { recursive: true, force: true });
		}
	};
}

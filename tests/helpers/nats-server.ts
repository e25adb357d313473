import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, connect as tcpConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A free TCP port on loopback, asked of the OS. */
export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const srv = createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const address = srv.address();
			srv.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

export async function waitForPort(port: number, timeoutMs = 10_000): Promise<void> {
	const until = Date.now() + timeoutMs;
	while (Date.now() < until) {
		const ok = await new Promise<boolean>((resolve) => {
			const s = tcpConnect(port, '127.0.0.1');
			s.once('connect', () => {
				s.destroy();
				resolve(true);
			});
			s.once('error', () => resolve(false));
		});
		if (ok) return;
		await new Promise((r) => setTimeout(r, 50));
	}
	throw new Error(`nothing listens on port ${port} after ${timeoutMs} ms`);
}

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
	const child: ChildProcess = spawn('nats-server', ['-js', '-a', '127.0.0.1', '-p', String(port), '-sd', dir], {
		stdio: 'ignore'
	});
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

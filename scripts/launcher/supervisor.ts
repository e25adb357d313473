import { spawn, type ChildProcess } from 'node:child_process';

export interface ServiceSpec {
	name: string;
	command: string;
	args: string[];
	env?: Record<string, string>;
}

/**
 * Runs a child and restarts it with backoff when it dies on its own; gives up (and calls
 * `onGiveUp`) after five crashes within a minute. Output is prefixed with the service name.
 */
export class Supervised {
	#child: ChildProcess | undefined;
	/** Set when the system stops: an exit from then on is expected, not a crash. */
	stopping = false;
	#crashes: number[] = [];

	constructor(
		readonly spec: ServiceSpec,
		private readonly onGiveUp: (name: string) => void
	) {}

	start(): void {
		const { name, command, args, env } = this.spec;
		// Its own process group: Ctrl-C in the terminal reaches only the launcher, which then
		// stops the children in order (nats-server last).
		const child = spawn(command, args, {
			env: { ...process.env, ...env },
			stdio: ['ignore', 'pipe', 'pipe'],
			detached: true
		});
		child.on('error', (e) => {
			console.error(`[launcher] ${name}: ${e.message}`);
			// Never started (e.g. the program is missing): no exit will follow, so give up now.
			if (child.pid === undefined && !this.stopping) this.onGiveUp(name);
		});
		this.#child = child;
		const prefix = (stream: NodeJS.WritableStream) => (d: Buffer) => {
			for (const line of d.toString().split('\n')) {
				if (line) stream.write(`${line.startsWith('[') ? '' : `[${name}] `}${line}\n`);
			}
		};
		child.stdout?.on('data', prefix(process.stdout));
		child.stderr?.on('data', prefix(process.stderr));
		child.on('exit', (code, signal) => {
			if (this.stopping) return;
			const now = Date.now();
			this.#crashes = [...this.#crashes.filter((t) => now - t < 60_000), now];
			if (this.#crashes.length >= 5) {
				console.error(`[launcher] ${name} keeps failing (exit ${code ?? signal}); giving up`);
				this.onGiveUp(name);
				return;
			}
			const wait = 500 * 2 ** (this.#crashes.length - 1);
			console.error(`[launcher] ${name} exited (${code ?? signal}); restarting in ${wait} ms`);
			setTimeout(() => this.stopping || this.start(), wait);
		});
	}

	/** SIGTERM, then SIGKILL if it has not exited within `graceMs`. */
	async stop(graceMs = 15_000): Promise<void> {
		this.stopping = true;
		const child = this.#child;
		if (!child || child.exitCode !== null || child.signalCode !== null) return;
		const exited = new Promise<void>((r) => child.once('exit', () => r()));
		child.kill('SIGTERM');
		const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
		await exited;
		clearTimeout(timer);
	}
}

import { createServer, connect as tcpConnect } from 'node:net';

/** Ports this process has handed out: never the same one twice. */
const handedOut = new Set<number>();

/**
 * A free TCP port on loopback, asked of the OS. The OS may hand back a port it gave a moment ago
 * (CI once saw one system's web server and processor get the same port: the processor bound it,
 * the web could not, and the web's requests were answered by the processor), so a port this
 * process already handed out is asked again.
 */
export async function freePort(): Promise<number> {
	for (let attempt = 0; attempt < 20; attempt++) {
		const port = await askOs();
		if (handedOut.has(port)) continue;
		handedOut.add(port);
		return port;
	}
	throw new Error('the OS keeps offering ports already handed out');
}

function askOs(): Promise<number> {
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

/** Resolves once something accepts connections on the port. */
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

/** Whether a port on loopback is free to listen on. */
export async function isPortFree(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const srv = createServer();
		srv.once('error', () => resolve(false));
		srv.listen(port, '0.0.0.0', () => srv.close(() => resolve(true)));
	});
}

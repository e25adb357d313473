import WebSocket from 'ws';

export interface TestViewer {
	/** Every byte received so far. */
	bytes(): Buffer;
	/** Resolves with the close code once the socket is closed (by either side). */
	closed: Promise<{ code: number; reason: string }>;
	/** Resolves once at least `n` bytes arrived. */
	received(n: number, timeoutMs?: number): Promise<Buffer>;
	ws: WebSocket;
	close(): void;
}

/**
 * A live viewer of the video service: a WebSocket to /live/:cameraId (ticket optional) that keeps
 * what arrives. `pause: true` never reads from the socket (a slow viewer: the server's buffer fills).
 */
export function openViewer(
	wsUrl: string,
	cameraId: string,
	ticket?: string,
	path: 'live' | 'playback' = 'live'
): TestViewer {
	const url = `${wsUrl}/${path}/${cameraId}${ticket ? `?ticket=${encodeURIComponent(ticket)}` : ''}`;
	const ws = new WebSocket(url);
	const chunks: Buffer[] = [];
	let total = 0;
	const waiters: { n: number; resolve: () => void }[] = [];
	ws.on('message', (data: Buffer, isBinary: boolean) => {
		if (!isBinary) return;
		chunks.push(data);
		total += data.length;
		for (let i = waiters.length - 1; i >= 0; i--) {
			const w = waiters[i];
			if (w && total >= w.n) {
				waiters.splice(i, 1);
				w.resolve();
			}
		}
	});
	const closed = new Promise<{ code: number; reason: string }>((resolve) => {
		ws.on('close', (code: number, reason: Buffer) => resolve({ code, reason: reason.toString() }));
		ws.on('error', () => {});
	});
	const bytes = () => Buffer.concat(chunks);
	return {
		ws,
		bytes,
		closed,
		received: async (n, timeoutMs = 15_000) => {
			if (total < n) {
				await Promise.race([
					new Promise<void>((resolve) => waiters.push({ n, resolve })),
					closed.then((c) => {
						throw new Error(`socket closed (${c.code} ${c.reason}) after ${total} bytes`);
					}),
					new Promise((_, reject) =>
						setTimeout(
							() => reject(new Error(`only ${total} of ${n} bytes in ${timeoutMs} ms`)),
							timeoutMs
						)
					)
				]);
			}
			return bytes();
		},
		close: () => ws.close()
	};
}

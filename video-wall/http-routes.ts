import type { HttpResponse, TemplatedApp } from 'uWebSockets.js';
import type { CameraDirectory } from './cameras/directory';
import type { HealthMonitor } from './health/monitor';
import { isLoopback } from './loopback';
import { admit, httpStatusOf } from './relay/admission';
import { bearerOf } from './relay/bearer';
import type { LiveRelay } from './relay/live-relay';
import { BusyError, type Grabber } from './snapshot/grabber';
import type { SourceManager } from './sources/source-manager';

const STATUS_TEXT: Record<number, string> = {
	200: '200 OK',
	401: '401 Unauthorized',
	403: '403 Forbidden',
	404: '404 Not Found',
	429: '429 Too Many Requests',
	503: '503 Service Unavailable'
};

function send(res: HttpResponse, status: number, body: string | Buffer, type: string): void {
	res.cork(() => {
		res
			.writeStatus(STATUS_TEXT[status] ?? `${status} Error`)
			.writeHeader('content-type', type)
			.writeHeader('cache-control', 'no-store')
			// Tiles and thumbnails load from the web app's origin.
			.writeHeader('access-control-allow-origin', '*')
			.end(body);
	});
}

const json = (res: HttpResponse, status: number, body: unknown) =>
	send(res, status, JSON.stringify(body), 'application/json');

/** GET /healthz and GET /snapshot/:cameraId?ticket= (same rights as the live tile). */
export function mountHttp(
	app: TemplatedApp,
	deps: {
		directory: CameraDirectory;
		sources: SourceManager;
		relay: LiveRelay;
		grabber: Grabber;
		health: HealthMonitor;
		secret: string;
		natsConnected: () => boolean;
	}
): void {
	app.get('/healthz', (res) => {
		const ok = deps.directory.caughtUp && deps.natsConnected();
		const viewers = deps.relay.counts();
		const running = deps.sources.running();
		// Anyone may ask whether the service is up; which cameras are watched, by how many, and
		// its pids only this machine (the launcher, tests, an operator).
		if (!isLoopback(Buffer.from(res.getRemoteAddressAsText()).toString())) {
			return json(res, ok ? 200 : 503, {
				ok,
				cameras: deps.directory.cameras.size,
				sources: running.length,
				viewers: Object.values(viewers).reduce((n, v) => n + v.viewers, 0)
			});
		}
		json(res, ok ? 200 : 503, {
			ok,
			cameras: deps.directory.cameras.size,
			sources: running.map((s) => ({
				cameraId: s.cameraId,
				pid: s.pid,
				viewers: viewers[s.cameraId]?.viewers ?? 0,
				lastByteAt: s.status.lastByteAt,
				restarts: s.status.restarts,
				failures: s.status.failures
			})),
			viewers,
			health: deps.health.states()
		});
	});

	app.get('/snapshot/:cameraId', (res, req) => {
		const cameraId = req.getParameter(0);
		const ticket = req.getQuery('ticket') ?? '';
		let aborted = false;
		res.onAborted(() => (aborted = true));
		void (async () => {
			const camera = deps.directory.get(cameraId);
			// A still is not a viewer: the public cap does not apply.
			const a = admit(await bearerOf(ticket, deps.secret), camera, 0, Infinity);
			if (!a.ok || !camera) {
				const code = a.ok ? 4404 : a.code;
				if (!aborted) json(res, httpStatusOf(code), { error: a.ok ? 'no such camera' : a.reason });
				return;
			}
			try {
				const live = deps.sources.isRunning(cameraId)
					? deps.sources.stillPath(cameraId)
					: undefined;
				const jpeg = await deps.grabber.still(camera, live);
				if (aborted) return;
				if (jpeg) send(res, 200, jpeg, 'image/jpeg');
				else json(res, 503, { error: 'no picture from this camera' });
			} catch (e) {
				if (!aborted) {
					json(res, 503, { error: e instanceof BusyError ? e.message : 'snapshot failed' });
				}
			}
		})();
	});

	app.any('/*', (res) => json(res, 404, { error: 'not found' }));
}

import type { TemplatedApp } from 'uWebSockets.js';
import type { LiveHub } from '../live/live-hub';
import type { HealthMonitor } from './health';
import { get, HttpError, notFound } from './http';
import { parseId, parseList, parseRoom } from './params';
import type { ReadQueries } from './read.queries';

/**
 * The read API: the only reader of the embedded store. District and merchant filters are
 * query parameters for now; issue 3 takes them from the signed ticket instead.
 */
export function mountReadApi(
	app: TemplatedApp,
	deps: { queries: ReadQueries; health: HealthMonitor; live: LiveHub; log: (m: string) => void }
): void {
	const { queries, health, live, log } = deps;
	get(
		app,
		'/healthz',
		0,
		async () => {
			const h = health.current();
			return { status: h.status === 'ok' ? 200 : 503, body: h };
		},
		log
	);
	get(
		app,
		'/api/merchants',
		0,
		async (q) => ({ status: 200, body: await queries.merchants(parseList(q)) }),
		log
	);
	get(
		app,
		'/api/merchants/points',
		0,
		async (q) => ({ status: 200, body: await queries.merchantPoints(parseList(q)) }),
		log
	);
	get(
		app,
		'/api/merchants/:id',
		1,
		async (_q, [id]) => {
			const m = await queries.merchant(parseId(id));
			if (!m) throw new HttpError(404, `no merchant ${id}`);
			return { status: 200, body: m };
		},
		log
	);
	get(
		app,
		'/api/events',
		0,
		async (q) => ({ status: 200, body: await queries.events(parseList(q)) }),
		log
	);
	get(
		app,
		'/api/alerts',
		0,
		async (q) => ({ status: 200, body: await queries.alerts(parseList(q)) }),
		log
	);
	get(app, '/api/stats', 0, async () => ({ status: 200, body: await queries.stats() }), log);
	get(
		app,
		'/api/counts',
		0,
		async (q) => ({ status: 200, body: live.snapshot(parseRoom(q)).totals }),
		log
	);
	get(
		app,
		'/api/snapshot',
		0,
		async (q) => ({ status: 200, body: live.snapshot(parseRoom(q)) }),
		log
	);
	notFound(app);
}

import { json } from '@sveltejs/kit';
import { processorHealth } from '$lib/domain/read-model';
import { config } from '$lib/server/config';
import { nats } from '$lib/server/nats';
import type { RequestHandler } from './$types';

const within = <T>(p: Promise<T>, ms: number) =>
	Promise.race([
		p,
		new Promise<never>((_, reject) =>
			setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms)
		)
	]);

/**
 * The web server's health: its own NATS connection, and the processor's view of the store and
 * the consumer. A dependency that is down makes it answer 503 at once, never hang.
 */
export const GET: RequestHandler = async () => {
	const [natsState, processor] = await Promise.allSettled([
		within(nats(), 2_000).then((n) => n.connected()),
		within(
			fetch(new URL('/healthz', config().API_URL), { signal: AbortSignal.timeout(2_000) }).then(
				async (r) => processorHealth.parse(await r.json())
			),
			2_500
		)
	]);
	const natsOk = natsState.status === 'fulfilled' && natsState.value;
	const p = processor.status === 'fulfilled' ? processor.value : null;
	const body = {
		status: natsOk && p?.status === 'ok' ? 'ok' : natsOk && p ? 'degraded' : 'down',
		web: { ok: true },
		nats: natsOk
			? { ok: true }
			: {
					ok: false,
					detail: natsState.status === 'rejected' ? String(natsState.reason) : 'not connected'
				},
		store: p ? p.store : { ok: false, detail: 'unknown: processor unreachable' },
		processor: p
			? p.processor
			: {
					ok: false,
					detail: `unreachable: ${processor.status === 'rejected' ? String(processor.reason) : ''}`
				}
	};
	return json(body, {
		status: body.status === 'ok' ? 200 : 503,
		headers: { 'cache-control': 'no-store' }
	});
};

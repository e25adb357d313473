import type { JetStreamClient } from '@nats-io/jetstream';
import { sendWindowed } from '../../src/lib/server/backbone/publisher';

/** Publishes pre-serialised events with 2,000 in flight; returns the elapsed milliseconds. */
export async function publishWindowed(
	js: JetStreamClient,
	items: { subject: string; id: string; data: Uint8Array }[],
	window = 2_000
): Promise<number> {
	const t0 = performance.now();
	await sendWindowed(items, (i) => js.publish(i.subject, i.data, { msgID: i.id }), window);
	return performance.now() - t0;
}

export function percentile(sorted: number[], p: number): number {
	if (sorted.length === 0) return NaN;
	const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
	return sorted[i]!;
}

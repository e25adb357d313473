import type { JetStreamClient } from '@nats-io/jetstream';

/**
 * Publishes with a bounded window of unacknowledged publishes, as a real producer would.
 * Returns the elapsed milliseconds.
 */
export async function publishWindowed(
	js: JetStreamClient,
	items: { subject: string; id: string; data: Uint8Array }[],
	window = 2_000
): Promise<number> {
	const t0 = performance.now();
	const pending = new Set<Promise<void>>();
	let failed: unknown;
	for (const item of items) {
		const p: Promise<void> = js.publish(item.subject, item.data, { msgID: item.id }).then(
			() => void pending.delete(p),
			(e: unknown) => {
				failed ??= e;
				pending.delete(p);
			}
		);
		pending.add(p);
		if (pending.size >= window) await Promise.race(pending);
		if (failed) throw failed;
	}
	await Promise.all(pending);
	if (failed) throw failed;
	return performance.now() - t0;
}

export function percentile(sorted: number[], p: number): number {
	if (sorted.length === 0) return NaN;
	const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
	return sorted[i]!;
}

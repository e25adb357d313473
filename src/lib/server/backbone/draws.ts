import type { JetStreamClient } from '@nats-io/jetstream';
import { Kvm, type KV } from '@nats-io/kv';
import { publishedDraw, type PublishedDraw } from '../../domain/tasks/draw-record';

/** Published random draws, by draw id: kept for good (they are the public record). */
export const DRAW_BUCKET = 'fs_draws';

const buckets = new WeakMap<JetStreamClient, Promise<KV>>();
function bucket(js: JetStreamClient): Promise<KV> {
	let kv = buckets.get(js);
	if (!kv) {
		kv = new Kvm(js).create(DRAW_BUCKET, { history: 1 });
		buckets.set(js, kv);
	}
	return kv;
}

/** Keeps a draw record; the first one stays (a second publication of the same draw changes nothing). */
export async function saveDraw(js: JetStreamClient, d: PublishedDraw): Promise<PublishedDraw> {
	const kv = await bucket(js);
	const existing = await readDraw(js, d.drawId);
	if (existing) return existing;
	await kv.create(d.drawId, JSON.stringify(publishedDraw.parse(d))).catch(() => {});
	return (await readDraw(js, d.drawId)) ?? d;
}

export async function readDraw(js: JetStreamClient, drawId: string): Promise<PublishedDraw | null> {
	const e = await (await bucket(js)).get(drawId);
	if (!e || e.operation !== 'PUT') return null;
	const parsed = publishedDraw.safeParse(e.json());
	return parsed.success ? parsed.data : null;
}

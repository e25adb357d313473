/**
 * Reads FS_EVENTS from the start, checks every message with fsEvent and prints counts per
 * family and type: a quick look at what the simulator put on the backbone.
 * Usage: tsx seeds/tools/stream-counts.ts [nats-url]
 */
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { fsEvent, localDay, streams, type FsEvent } from '../../src/lib/domain/index';

const url = process.argv[2] ?? 'nats://127.0.0.1:4222';
const nc = await connect({ servers: url, name: 'fs-stream-counts' });
const info = await (await jetstreamManager(nc)).streams.info(streams.events);
const total = info.state.messages;
const consumer = await jetstream(nc).consumers.get(streams.events);
const messages = await consumer.consume();

const byType = new Map<string, number>();
const bySecond = new Map<number, number>();
const expiredLots = new Set<string>();
let invalid = 0;
let expiredLines = 0;
let seen = 0;
for await (const m of messages) {
	seen++;
	const parsed = fsEvent.safeParse(m.json());
	if (!parsed.success) invalid++;
	else {
		const e = parsed.data as FsEvent;
		byType.set(e.type, (byType.get(e.type) ?? 0) + 1);
		if (e.actor.kind !== 'simulator' || e.type !== 'merchant.registered') {
			const s = Math.floor(Date.parse(e.recordedAt) / 1000);
			bySecond.set(s, (bySecond.get(s) ?? 0) + 1);
		}
		if (e.type === 'till.sale.recorded') {
			const day = localDay(e.occurredAt);
			for (const l of e.payload.lines) {
				if (l.expiresOn && l.expiresOn < day) {
					expiredLines++;
					expiredLots.add(`${l.lotId}:${day}`);
				}
			}
		}
	}
	if (seen >= total) break;
}
await messages.close();

const families = new Map<string, number>();
for (const [type, n] of byType) {
	const f = type.slice(0, type.indexOf('.'));
	families.set(f, (families.get(f) ?? 0) + n);
}
console.log(`${streams.events}: ${total} messages, ${invalid} invalid`);
console.log('per family:', Object.fromEntries([...families].sort()));
console.log('per type:', Object.fromEntries([...byType].sort()));
console.log(
	`expired sale lines ${expiredLines}, distinct expired lots sold (alerts) ${expiredLots.size}`
);
await nc.close();

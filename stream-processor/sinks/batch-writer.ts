import { headers, type NatsConnection } from '@nats-io/transport-node';
import type { JetStreamClient } from '@nats-io/jetstream';
import type { Store } from '../../clickhouse/store';
import { alertSubject, deadLetterSubject } from '../../src/lib/domain/subjects';
import { alertRow } from '../rules/raise';
import { publishEvent } from '../../src/lib/server/backbone/publisher';
import type { Batch } from '../consume/batch';

const encoder = new TextEncoder();
/** NATS refuses messages over 1 MiB; a dead letter keeps at most this much of the original. */
const MAX_DEAD_LETTER_BYTES = 512 * 1024;

/**
 * Makes a batch durable, in an order that keeps a crash at any point safe: dead letters and
 * alerts first, event rows last. The processor's restart check trusts the events table, so
 * an event row is only ever there once everything it caused is.
 */
export async function writeBatch(batch: Batch, store: Store, js: JetStreamClient): Promise<void> {
	await Promise.all(
		batch.deadLetters.map((d) => {
			const h = headers();
			h.set('Fs-Reason', d.reason.slice(0, 1_000));
			h.set('Fs-Original-Subject', d.subject);
			h.set('Fs-Original-Seq', String(d.seq));
			if (d.data.length > MAX_DEAD_LETTER_BYTES) h.set('Fs-Truncated-From', String(d.data.length));
			return js.publish(deadLetterSubject(d.subject), d.data.subarray(0, MAX_DEAD_LETTER_BYTES), {
				msgID: `dlq-${d.seq}`,
				headers: h
			});
		})
	);
	for (const [table, rows] of batch.entities) await store.insert(table, rows);
	if (batch.alerts.length > 0) {
		await store.insert('alerts', batch.alerts.map(alertRow));
		await Promise.all(
			batch.alerts.map((alert) =>
				js.publish(
					alertSubject(alert.districtId, alert.merchantId),
					encoder.encode(JSON.stringify(alert)),
					// Per version: a status can come back (escalated, notified again, escalated again).
					{ msgID: `${alert.id}:${Date.parse(alert.updatedAt)}` }
				)
			)
		);
	}
	// Before the events that caused them are stored (a restart after this point redelivers the
	// cause, and the same ids make the same events), in order: a verification before its closing.
	for (const e of batch.publish) await publishEvent(js, e);
	await store.insertLines('events', batch.eventLines);
}

/** Acks every message of a written batch (fire-and-forget acks, flushed once). */
export async function ackBatch(batch: Batch, nc: NatsConnection): Promise<void> {
	for (const m of batch.messages) m.ack();
	await nc.flush();
}

import type { JsMsg } from '@nats-io/jetstream';
import type { Alert } from '../../src/lib/domain/alert';
import type { FsEvent } from '../../src/lib/domain/events';

export interface DeadLetter {
	subject: string;
	seq: number;
	reason: string;
	data: Uint8Array;
}

/**
 * What one batch of messages must make durable before its messages are acked: event rows,
 * entity rows, alerts, dead letters. Everything in it is idempotent to write again.
 */
export class Batch {
	readonly messages: JsMsg[] = [];
	/** Event rows as JSONEachRow text, and how many. */
	eventLines = '';
	eventCount = 0;
	readonly entities = new Map<string, Record<string, unknown>[]>();
	readonly alerts: Alert[] = [];
	readonly deadLetters: DeadLetter[] = [];
	/**
	 * Events the processor itself makes from these (a follow-up task, a passing inspection's
	 * verification and closing of its alerts), ids fixed by their cause; published in order.
	 */
	readonly publish: FsEvent[] = [];
	readonly startedAt = Date.now();

	addEntity(table: string, row: Record<string, unknown>): void {
		let rows = this.entities.get(table);
		if (!rows) this.entities.set(table, (rows = []));
		rows.push(row);
	}

	get size(): number {
		return this.messages.length;
	}
}

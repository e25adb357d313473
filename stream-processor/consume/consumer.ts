import {
	AckPolicy,
	DeliverPolicy,
	type ConsumerMessages,
	type JetStreamClient,
	type JetStreamManager
} from '@nats-io/jetstream';
import { nanos, type NatsConnection } from '@nats-io/transport-node';
import type { Store } from '../../clickhouse/store';
import { streams, subjects } from '../../src/lib/domain/subjects';
import { ackBatch, writeBatch } from '../sinks/batch-writer';
import { Batch } from './batch';
import { handleMessage, type HandlerDeps, type HandlerStats } from './handler';

export interface ConsumerOptions {
	durable: string;
	batchMax: number;
	batchWaitMs: number;
	log: (msg: string) => void;
	/** The consume loop ended on its own: the process cannot go on consuming. */
	onEnd: (error: Error) => void;
}

/**
 * The durable pull consumer, created or updated; returns its ack floor for the restart check.
 * Acks are explicit, one per event: with ack policy "all", one ack per batch would also ack
 * messages lost in flight to a dead client or during a reconnect, before they were ever written.
 */
export async function ensureConsumer(
	jsm: JetStreamManager,
	o: Pick<ConsumerOptions, 'durable' | 'batchMax'> & { ackWaitMs: number; log: (m: string) => void }
): Promise<number> {
	const config = {
		durable_name: o.durable,
		ack_policy: AckPolicy.Explicit,
		filter_subject: subjects.events,
		ack_wait: nanos(o.ackWaitMs),
		// Two batches in flight plus the client's buffer; the default 1,000 would stall silently.
		max_ack_pending: Math.max(20_000, o.batchMax * 4),
		max_deliver: -1
	};
	const info = await jsm.consumers.info(streams.events, o.durable).catch(() => null);
	if (!info) {
		const created = await jsm.consumers.add(streams.events, {
			...config,
			deliver_policy: DeliverPolicy.All
		});
		return created.ack_floor.stream_seq;
	}
	if (info.config.ack_policy !== config.ack_policy) {
		// The ack policy cannot be changed in place: recreate from where the old one stood.
		const floor = info.ack_floor.stream_seq;
		o.log(`consumer ${o.durable}: ack policy changes, recreating it from sequence ${floor + 1}`);
		await jsm.consumers.delete(streams.events, o.durable);
		await jsm.consumers.add(streams.events, {
			...config,
			deliver_policy: DeliverPolicy.StartSequence,
			opt_start_seq: floor + 1
		});
		return floor;
	}
	const updated = await jsm.consumers.update(streams.events, o.durable, config);
	return updated.ack_floor.stream_seq;
}

/**
 * Pulls events in stream order and writes them in batches; a batch is acked only after it is
 * durable. Writes are chained (one at a time, in order) while the next batch is being handled,
 * and at most two wait: a slow store slows the pull instead of filling memory.
 */
export class EventConsumer {
	#messages: ConsumerMessages | undefined;
	#batch = new Batch();
	#chain: Promise<void> = Promise.resolve();
	#waiting = 0;
	/** When each batch still being written was cut, oldest first. */
	#unwritten: number[] = [];
	#timer: NodeJS.Timeout | undefined;
	#stopping = false;
	#abandoned = false;
	#done: Promise<void> | undefined;
	readonly stats: HandlerStats = {
		handled: 0,
		duplicates: 0,
		deadLetters: 0,
		alerts: 0,
		lastEventAt: null,
		lastHandledAt: null
	};
	storedEvents = 0;

	constructor(
		private readonly nc: NatsConnection,
		private readonly js: JetStreamClient,
		private readonly store: Store,
		private readonly deps: HandlerDeps,
		private readonly o: ConsumerOptions
	) {}

	async start(): Promise<void> {
		const consumer = await this.js.consumers.get(streams.events, this.o.durable);
		// Short-lived pull requests: after a crash, a dead client's open pull would otherwise keep
		// taking new messages (until it expires) that then wait out ACK_WAIT_MS.
		this.#messages = await consumer.consume({ max_messages: this.o.batchMax * 2, expires: 5_000 });
		this.#timer = setInterval(
			() => {
				if (this.#batch.size > 0 && Date.now() - this.#batch.startedAt >= this.o.batchWaitMs) {
					this.#cut();
				}
			},
			Math.max(10, Math.floor(this.o.batchWaitMs / 4))
		);
		this.#done = this.#loop(this.#messages).then(
			() => {
				if (!this.#stopping) this.o.onEnd(new Error('the consumer stopped delivering'));
			},
			(e: unknown) => this.o.onEnd(e instanceof Error ? e : new Error(String(e)))
		);
	}

	async #loop(messages: ConsumerMessages): Promise<void> {
		for await (const m of messages) {
			try {
				handleMessage(m, this.#batch, this.deps, this.stats);
			} catch (cause) {
				// A bug must not lose the event nor loop on it: it goes to the dead letters with why.
				this.#batch.deadLetters.push({
					subject: m.subject,
					seq: m.seq,
					reason: `processing failed: ${(cause as Error).message}`,
					data: m.data
				});
				this.stats.deadLetters++;
			}
			if (this.#batch.size >= this.o.batchMax) {
				this.#cut();
				if (this.#waiting >= 2) await this.#chain;
			}
		}
	}

	#cut(): void {
		const batch = this.#batch;
		this.#batch = new Batch();
		this.#waiting++;
		this.#unwritten.push(Date.now());
		this.#chain = this.#chain
			.then(() => this.#persist(batch))
			.finally(() => {
				this.#waiting--;
			});
	}

	async #persist(batch: Batch): Promise<void> {
		let written = false;
		for (let attempt = 0; ; attempt++) {
			if (this.#abandoned) {
				// An earlier batch was given up: acking this one could ack a redelivery of one of its
				// messages (caught here as a duplicate) before the original is stored.
				this.o.log(
					`batch of ${batch.size} not acked after an unwritten one; it will be redelivered`
				);
				return;
			}
			try {
				// Written once: a failed ack (NATS reconnecting) is retried alone, not the insert,
				// whose rollup view would count the rows twice.
				if (!written) {
					await writeBatch(batch, this.store, this.js);
					written = true;
					this.storedEvents += batch.eventCount;
				}
				await ackBatch(batch, this.nc);
				this.#unwritten.shift();
				return;
			} catch (e) {
				if (this.#stopping) {
					this.#abandoned = !written;
					this.o.log(
						`batch of ${batch.size} not ${written ? 'acked' : 'written'} at shutdown, it will be redelivered: ${(e as Error).message}`
					);
					return;
				}
				const wait = Math.min(5_000, 250 * 2 ** attempt);
				this.o.log(
					`batch ${written ? 'ack' : 'write'} failed (attempt ${attempt + 1}), retrying in ${wait} ms: ${(e as Error).message}`
				);
				await new Promise((r) => setTimeout(r, wait));
			}
		}
	}

	/** How long the oldest handled batch has been waiting to be written (0 if none). */
	unwrittenFor(now = Date.now()): number {
		const oldest = this.#unwritten[0];
		return oldest === undefined ? 0 : now - oldest;
	}

	/** Stops pulling, writes what was handled, and returns when it is durable and acked. */
	async stop(): Promise<void> {
		// First: a write that fails from now on gives up instead of retrying, so a loop waiting on
		// the chain (store down) lets go and the stop cannot hang.
		this.#stopping = true;
		clearInterval(this.#timer);
		await this.#messages?.close();
		await this.#done;
		if (this.#batch.size > 0) this.#cut();
		await this.#chain;
	}
}

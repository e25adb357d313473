import type { JetStreamClient } from '@nats-io/jetstream';
import type { FsEvent } from '../../src/lib/domain/index';
import { EventValidationError, publishEvent } from '../../src/lib/server/backbone/publisher';

export interface OutboxOptions {
	maxInFlight?: number;
	onPublished?: (event: FsEvent) => void;
	onError?: (error: unknown, event: FsEvent) => void;
}

/**
 * Publishes events with a bounded number in flight and keeps them until JetStream acks.
 * A failed publish (timeout, NATS down) is retried after a growing pause with the same id,
 * so NATS dedup drops a copy that did land. An invalid event is a bug: logged, not retried.
 */
export class Outbox {
	private queue: FsEvent[] = [];
	private head = 0;
	private inFlight = 0;
	private pausedUntil = 0;
	private backoffMs = 0;
	private timer: NodeJS.Timeout | undefined;
	private idle: (() => void)[] = [];
	private readonly maxInFlight: number;

	constructor(
		private readonly js: JetStreamClient,
		private readonly options: OutboxOptions = {}
	) {
		this.maxInFlight = options.maxInFlight ?? 500;
	}

	/** Events waiting or in flight. */
	get backlog(): number {
		return this.queue.length - this.head + this.inFlight;
	}

	get paused(): boolean {
		return Date.now() < this.pausedUntil;
	}

	push(events: Iterable<FsEvent>): void {
		for (const e of events) this.queue.push(e);
		this.pump();
	}

	/** Resolves when everything pushed so far is acked. */
	async drain(): Promise<void> {
		if (this.backlog === 0) return;
		await new Promise<void>((resolve) => this.idle.push(resolve));
	}

	private pump(): void {
		if (this.paused) {
			this.timer ??= setTimeout(() => {
				this.timer = undefined;
				this.pump();
			}, this.pausedUntil - Date.now());
			return;
		}
		while (this.inFlight < this.maxInFlight && this.head < this.queue.length) {
			const event = this.queue[this.head++] as FsEvent;
			this.inFlight++;
			publishEvent(this.js, event).then(
				() => this.settled(event, undefined),
				(error: unknown) => this.settled(event, error)
			);
		}
		// Compact now and then: shifting one by one would be O(n²) on a long backlog.
		if (this.head > 10_000 && this.head * 2 > this.queue.length) {
			this.queue = this.queue.slice(this.head);
			this.head = 0;
		}
	}

	private settled(event: FsEvent, error: unknown): void {
		this.inFlight--;
		if (error === undefined) {
			this.backoffMs = 0;
			this.options.onPublished?.(event);
		} else {
			this.options.onError?.(error, event);
			if (!(error instanceof EventValidationError)) {
				this.queue.push(event);
				// Many publishes fail together in one outage: back off once per pause, not per event.
				if (!this.paused) {
					this.backoffMs = Math.min(Math.max(this.backoffMs * 2, 250), 5_000);
					this.pausedUntil = Date.now() + this.backoffMs;
				}
			}
		}
		if (this.backlog === 0) for (const resolve of this.idle.splice(0)) resolve();
		else this.pump();
	}

	/** Retries at once (NATS is back); called on reconnect so the backoff does not add delay. */
	resume(): void {
		this.pausedUntil = 0;
		this.backoffMs = 0;
		clearTimeout(this.timer);
		this.timer = undefined;
		this.pump();
	}

	/** Stops retry timers; events still queued are dropped (their ids are not reused). */
	close(): void {
		clearTimeout(this.timer);
		this.timer = undefined;
	}
}

import type { ProcessorHealth } from '../../src/lib/domain/read-model';

export interface HealthProbes {
	natsConnected(): boolean;
	storePing(): Promise<boolean>;
	consumerLag(): Promise<number>;
	deadLetters(): Promise<number>;
	storedEvents(): Promise<number>;
	lastEventAt(): string | null;
	/** How long handled events have been waiting to be stored (0 when none). */
	stalledMs(): number;
}

const STALE_MS = 6_000;
/** Events read but not stored for this long: the processor is stuck (the store refuses them). */
export const STALLED_MS = 10_000;

function within<T>(p: Promise<T>, ms: number): Promise<T> {
	return Promise.race([
		p,
		new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms))
	]);
}

/**
 * Probes the processor's dependencies in the background, so `/healthz` answers at once from
 * the last results, and a dependency that stopped answering shows as down instead of hanging.
 */
export class HealthMonitor {
	#store = { ok: false, at: 0, detail: 'not checked yet' };
	#lag: number | null = null;
	#deadLetters = 0;
	#stored = 0;
	#timer: NodeJS.Timeout | undefined;

	constructor(private readonly probes: HealthProbes) {}

	start(everyMs = 2_000): void {
		void this.refresh();
		this.#timer = setInterval(() => void this.refresh(), everyMs);
	}

	stop(): void {
		clearInterval(this.#timer);
	}

	async refresh(): Promise<void> {
		const [ping, lag, dlq, stored] = await Promise.allSettled([
			within(this.probes.storePing(), 2_000),
			within(this.probes.consumerLag(), 2_000),
			within(this.probes.deadLetters(), 2_000),
			within(this.probes.storedEvents(), 2_000)
		]);
		const now = Date.now();
		if (ping.status === 'fulfilled' && ping.value) this.#store = { ok: true, at: now, detail: '' };
		else {
			this.#store = {
				ok: false,
				at: now,
				detail: ping.status === 'rejected' ? String(ping.reason) : 'ping failed'
			};
		}
		this.#lag = lag.status === 'fulfilled' ? lag.value : null;
		if (dlq.status === 'fulfilled') this.#deadLetters = dlq.value;
		if (stored.status === 'fulfilled') this.#stored = stored.value;
	}

	current(now = Date.now()): ProcessorHealth {
		const natsOk = this.probes.natsConnected();
		const storeOk = this.#store.ok && now - this.#store.at < STALE_MS;
		const stalledMs = this.probes.stalledMs();
		const processorOk = natsOk && storeOk && this.#lag !== null && stalledMs <= STALLED_MS;
		return {
			status: natsOk && storeOk ? (processorOk ? 'ok' : 'degraded') : 'down',
			nats: { ok: natsOk, ...(natsOk ? {} : { detail: 'not connected' }) },
			store: {
				ok: storeOk,
				...(storeOk ? {} : { detail: this.#store.detail || 'no recent answer' })
			},
			processor: {
				ok: processorOk,
				consumerLag: this.#lag,
				lastEventAt: this.probes.lastEventAt(),
				...(stalledMs > STALLED_MS
					? { detail: `events not stored for ${Math.round(stalledMs / 1000)} s` }
					: {}),
				storedEvents: this.#stored,
				deadLetters: this.#deadLetters
			}
		};
	}
}

import { allDrafts, putDraft, type Draft } from './drafts';
import { syncDraft } from './sync';

/**
 * The phone's outbox of inspections: counts what waits, sends it when the network is there
 * (at once, whenever the browser says it is back, and every little while), one visit at a time
 * so two rounds never send the same photo at once.
 */
export class SyncQueue {
	pending = $state(0);
	syncing = $state(false);
	online = $state(true);
	/** Inspection ids synced in this page's life, newest last. */
	synced = $state<string[]>([]);
	failed = $state<{ inspectionId: string; reason: string }[]>([]);
	#timer: ReturnType<typeof setInterval> | null = null;
	#again = false;

	readonly #onOnline = () => {
		this.online = true;
		void this.run();
	};
	readonly #onOffline = () => {
		this.online = false;
	};

	start(everyMs = 15_000): void {
		this.online = navigator.onLine;
		addEventListener('online', this.#onOnline);
		addEventListener('offline', this.#onOffline);
		this.#timer = setInterval(() => void this.run(), everyMs);
		void this.run();
	}

	stop(): void {
		removeEventListener('online', this.#onOnline);
		removeEventListener('offline', this.#onOffline);
		if (this.#timer) clearInterval(this.#timer);
	}

	async count(): Promise<Draft[]> {
		const queued = (await allDrafts()).filter((d) => d.status === 'queued');
		this.pending = queued.length;
		return queued;
	}

	async run(): Promise<void> {
		if (this.syncing) {
			this.#again = true;
			return;
		}
		this.syncing = true;
		try {
			do {
				this.#again = false;
				for (const d of await this.count()) {
					if (!navigator.onLine) break;
					const outcome = await syncDraft(d, putDraft);
					if (outcome.kind === 'stored') {
						await putDraft({ ...d, status: 'synced', error: null });
						this.synced = [...this.synced, d.inspectionId];
					} else if (outcome.kind === 'failed') {
						await putDraft({ ...d, status: 'failed', error: outcome.reason });
						this.failed = [
							...this.failed,
							{ inspectionId: d.inspectionId, reason: outcome.reason }
						];
					}
				}
			} while (this.#again);
			await this.count();
		} finally {
			this.syncing = false;
		}
	}
}

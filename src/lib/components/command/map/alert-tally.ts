import type { Alert } from '$lib/domain/alert';

const MAX_TRACKED = 20_000;

const active = (a: Alert) => a.status !== 'closed' && a.status !== 'dismissed';

/**
 * Keeps the map's open-alert counts current between two loads of the points: a new alert adds
 * one to its merchant, a known one that closes takes one away. The live room shows only recent
 * alerts, so this is a running correction, not a ledger; each load of the points resets the
 * counts from the store.
 */
export class AlertTally {
	/** Open alerts seen live, by id, with their merchant. */
	readonly #open = new Map<string, string>();

	/**
	 * `arrived`: alerts new to the screen; `known`: the room's current list (its latest versions).
	 * Returns the count changes as [merchantId, delta].
	 */
	update(arrived: readonly Alert[], known: readonly Alert[]): [string, number][] {
		const changes: [string, number][] = [];
		for (const a of arrived) {
			if (active(a) && !this.#open.has(a.id)) {
				this.#track(a);
				changes.push([a.merchantId, 1]);
			}
		}
		for (const a of known) {
			if (active(a)) {
				// Open before the screen started: already in the loaded counts.
				if (!this.#open.has(a.id)) this.#track(a);
			} else if (this.#open.delete(a.id)) {
				changes.push([a.merchantId, -1]);
			}
		}
		return changes;
	}

	get size(): number {
		return this.#open.size;
	}

	#track(a: Alert): void {
		this.#open.set(a.id, a.merchantId);
		// Bounded for a screen that runs for weeks: the oldest alerts go first.
		if (this.#open.size > MAX_TRACKED) {
			const oldest = this.#open.keys().next().value;
			if (oldest !== undefined) this.#open.delete(oldest);
		}
	}
}

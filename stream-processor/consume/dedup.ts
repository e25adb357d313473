/**
 * The ids of recently handled events, bounded: the newest `capacity` are kept. It catches
 * redeliveries and repeated publishes inside one run; after a restart the processor refills it
 * with the ids the store holds past the consumer's ack floor.
 */
export class RecentIds {
	#ids = new Set<string>();
	constructor(readonly capacity: number) {}

	has(id: string): boolean {
		return this.#ids.has(id);
	}

	add(id: string): void {
		this.#ids.add(id);
		if (this.#ids.size > this.capacity) {
			// Sets iterate in insertion order: the first is the oldest.
			const oldest = this.#ids.values().next().value;
			if (oldest !== undefined) this.#ids.delete(oldest);
		}
	}

	get size(): number {
		return this.#ids.size;
	}
}

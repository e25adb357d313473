import {
	eventFamilies,
	familyOf,
	type EventFamily,
	type FsEvent
} from '../../src/lib/domain/index';

/** Counts published events per family between two summary lines. */
export class PublishStats {
	private counts = new Map<EventFamily, number>();
	private since = Date.now();
	total = 0;

	count(event: FsEvent): void {
		const family = familyOf(event.type);
		this.counts.set(family, (this.counts.get(family) ?? 0) + 1);
		this.total++;
	}

	/** "till 1234 ledger 56 … (159/s)", then starts a new window. */
	summary(now = Date.now()): string {
		const seconds = Math.max(0.001, (now - this.since) / 1000);
		const window = eventFamilies.reduce((n, f) => n + (this.counts.get(f) ?? 0), 0);
		const parts = eventFamilies
			.filter((f) => this.counts.get(f))
			.map((f) => `${f} ${this.counts.get(f)}`);
		this.counts.clear();
		this.since = now;
		return `${parts.join(' ') || 'nothing'} (${(window / seconds).toFixed(0)}/s)`;
	}
}

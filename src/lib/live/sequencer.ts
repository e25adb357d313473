import type { RoomDelta } from '$lib/domain/live';

/** What to do with what arrived: deltas to apply in order, and whether to ask for a snapshot. */
export interface SequencerStep {
	apply: RoomDelta[];
	resync: boolean;
}

const MAX_PENDING = 200;

/**
 * Puts a room's deltas in sequence. Deltas that arrive before the first snapshot (or while a
 * resync is under way) wait, and those newer than the snapshot are applied after it. A gap
 * means something was lost: ask for a fresh snapshot. A lower seq than the last applied one
 * means the source restarted its counter: also resync rather than ignore it forever.
 */
export class DeltaSequencer {
	private last: number | null = null;
	private pending: RoomDelta[] = [];

	/** Forget everything, e.g. when the socket drops: the next snapshot starts afresh. */
	reset(): void {
		this.last = null;
		this.pending = [];
	}

	get lastSeq(): number | null {
		return this.last;
	}

	onSnapshot(seq: number): SequencerStep {
		this.last = seq;
		const waiting = this.pending.filter((d) => d.seq > seq).sort((a, b) => a.seq - b.seq);
		this.pending = [];
		const apply: RoomDelta[] = [];
		for (const d of waiting) {
			if (d.seq === this.last) continue;
			if (d.seq !== this.last + 1) return this.gap(d, apply);
			apply.push(d);
			this.last = d.seq;
		}
		return { apply, resync: false };
	}

	onDelta(delta: RoomDelta): SequencerStep {
		if (this.last === null) {
			this.pending.push(delta);
			if (this.pending.length > MAX_PENDING) this.pending.shift();
			return { apply: [], resync: false };
		}
		if (delta.seq === this.last) return { apply: [], resync: false };
		if (delta.seq !== this.last + 1) return this.gap(delta, []);
		this.last = delta.seq;
		return { apply: [delta], resync: false };
	}

	private gap(delta: RoomDelta, applied: RoomDelta[]): SequencerStep {
		this.last = null;
		this.pending = [delta];
		return { apply: applied, resync: true };
	}
}

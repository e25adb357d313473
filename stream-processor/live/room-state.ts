import { emptyGradeCounts } from '../../src/lib/domain/risk/risk-settings';
import { emptySeverityCounts, type Alert } from '../../src/lib/domain/alert';
import { MAX_GRADE_BACKLOG, MAX_GRADE_CHANGES } from '../../src/lib/domain/live';
import type {
	FeedItem,
	GradeChange,
	LiveFlow,
	RoomDelta,
	RoomSnapshot,
	RoomTotals
} from '../../src/lib/domain/live';
import { minuteOf } from '../../src/lib/domain/time';

const KEEP_MINUTES = 60;
const KEEP_ITEMS = 50;

/**
 * One room's live picture (city, a district): absolute totals, a minute series, the newest
 * alerts and events, and what changed since the last tick. Pure: the hub decides when to send.
 */
export class RoomState {
	seq = 0;
	totals: RoomTotals;
	#perMinute = new Map<number, number>();
	#alerts: Alert[] = [];
	#feed: FeedItem[] = [];
	#tickAlerts: Alert[] = [];
	#tickFeed: FeedItem[] = [];
	#tickCount = 0;
	/** Grade changes not sent yet, the newest per merchant, oldest first. */
	#grades = new Map<string, GradeChange>();
	/** Changes dropped since the last delta because the backlog overflowed. */
	#gradesDropped = 0;
	#dirty = false;

	constructor(
		readonly room: string,
		day: string,
		private readonly feedSample: number,
		private readonly random: () => number = Math.random
	) {
		this.totals = {
			day,
			events: 0,
			byFamily: {},
			openAlerts: emptySeverityCounts(),
			merchants: 0,
			grades: emptyGradeCounts()
		};
	}

	/** A new local day starts the day's counters from zero. */
	rollDay(day: string): void {
		if (this.totals.day === day) return;
		this.totals = { ...this.totals, day, events: 0, byFamily: {} };
		this.#dirty = true;
	}

	countEvent(family: string, occurredMs: number, item: FeedItem, today: boolean): void {
		if (today) {
			this.totals.events++;
			this.totals.byFamily[family] = (this.totals.byFamily[family] ?? 0) + 1;
		}
		const minute = minuteOf(occurredMs);
		this.#perMinute.set(minute, (this.#perMinute.get(minute) ?? 0) + 1);
		// Reservoir sample: every event of the tick has the same chance to be shown (and measured).
		this.#tickCount++;
		if (this.#tickFeed.length < this.feedSample) this.#tickFeed.push(item);
		else {
			const j = Math.floor(this.random() * this.#tickCount);
			if (j < this.feedSample) this.#tickFeed[j] = item;
		}
		this.#dirty = true;
	}

	addAlert(a: Alert): void {
		this.totals.openAlerts[a.severity]++;
		this.#tickAlerts.unshift(a);
		this.#dirty = true;
	}

	resolveAlert(a: Alert): void {
		this.totals.openAlerts[a.severity] = Math.max(0, this.totals.openAlerts[a.severity] - 1);
		this.#dirty = true;
	}

	setMerchants(n: number): void {
		if (this.totals.merchants === n) return;
		this.totals.merchants = n;
		this.#dirty = true;
	}

	/** The room's grade mix now, and a merchant whose grade changed (kept up to the cap). */
	setGrades(grades: RoomTotals['grades']): void {
		const t = this.totals.grades;
		if (t.A === grades.A && t.B === grades.B && t.C === grades.C && t.D === grades.D) return;
		this.totals.grades = { ...grades };
		this.#dirty = true;
	}

	addGradeChange(change: GradeChange): void {
		const waiting = this.#grades.get(change.merchantId);
		// A merchant regraded again before its change went out: one change, from its first grade.
		this.#grades.delete(change.merchantId);
		this.#grades.set(change.merchantId, waiting ? { ...change, from: waiting.from } : change);
		if (this.#grades.size > MAX_GRADE_BACKLOG) {
			this.#gradesDropped += this.#grades.size;
			this.#grades.clear();
		}
		this.#dirty = true;
	}

	/** Up to a delta's worth of waiting grade changes, and how many changed in all. */
	#takeGrades(): { changes: GradeChange[]; total: number } {
		const changes: GradeChange[] = [];
		for (const [id, c] of this.#grades) {
			if (changes.length >= MAX_GRADE_CHANGES) break;
			changes.push(c);
			this.#grades.delete(id);
		}
		const total = changes.length + this.#gradesDropped;
		this.#gradesDropped = 0;
		return { changes, total };
	}

	/** Seeds the minute series from the store after a restart. */
	loadMinute(minute: number, count: number): void {
		this.#perMinute.set(minute, count);
	}

	loadRecent(alerts: Alert[], feed: FeedItem[]): void {
		this.#alerts = alerts.slice(0, KEEP_ITEMS);
		this.#feed = feed.slice(0, KEEP_ITEMS);
	}

	get dirty(): boolean {
		return this.#dirty;
	}

	/** The change since the last tick, as a delta with the next sequence number; null if none. */
	takeDelta(now: number, flow: LiveFlow, heartbeat = false): RoomDelta | null {
		if (!this.#dirty && !heartbeat) return null;
		this.#prune(now);
		const current = minuteOf(now);
		const grades = this.#takeGrades();
		const delta: RoomDelta = {
			room: this.room as RoomDelta['room'],
			seq: ++this.seq,
			at: now,
			totals: structuredClone(this.totals),
			flow,
			minute: [current, this.#perMinute.get(current) ?? 0],
			alerts: this.#tickAlerts.slice(0, 100),
			feed: this.#tickFeed,
			feedTotal: this.#tickCount,
			gradeChanges: grades.changes,
			gradeChangesTotal: grades.total
		};
		this.#alerts = [...this.#tickAlerts, ...this.#alerts].slice(0, KEEP_ITEMS);
		this.#feed = [...this.#tickFeed, ...this.#feed].slice(0, KEEP_ITEMS);
		this.#tickAlerts = [];
		this.#tickFeed = [];
		this.#tickCount = 0;
		// What did not fit goes with the next tick.
		this.#dirty = this.#grades.size > 0;
		return delta;
	}

	/** The whole picture as of the last delta (pending changes go out with the next one). */
	snapshot(now: number, flow: LiveFlow): RoomSnapshot {
		this.#prune(now);
		return {
			room: this.room as RoomSnapshot['room'],
			seq: this.seq,
			at: now,
			totals: structuredClone(this.totals),
			flow,
			perMinute: [...this.#perMinute.entries()].sort((a, b) => a[0] - b[0]),
			alerts: this.#alerts,
			feed: this.#feed
		};
	}

	/** Keeps the last hour; a till whose clock runs ahead must not grow the series forever. */
	#prune(now: number): void {
		const oldest = minuteOf(now) - (KEEP_MINUTES - 1) * 60_000;
		const newest = minuteOf(now) + 60_000;
		for (const m of this.#perMinute.keys()) {
			if (m < oldest || m > newest) this.#perMinute.delete(m);
		}
	}
}

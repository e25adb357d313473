import type { Alert } from '../../src/lib/domain/alert';
import { familyOf, type FsEvent } from '../../src/lib/domain/events';
import type { LiveFlow, RoomDelta, RoomSnapshot } from '../../src/lib/domain/live';
import { FEED_SAMPLE } from '../../src/lib/domain/live';
import { localDay } from '../../src/lib/domain/time';
import { emptyGradeCounts, riskGrades, type RiskGrade } from '../../src/lib/domain/risk';
import type { RiskChange } from '../risk/engine';
import { RoomState } from './room-state';

export const HEARTBEAT_MS = 2_000;

/**
 * The rooms the processor keeps live: `city` and one per district. Events and alerts are
 * routed here as soon as they are handled (before the store write), and `tick` turns what
 * changed into deltas.
 */
export class LiveHub {
	readonly #rooms = new Map<string, RoomState>();
	#lastHeartbeat = 0;
	/** How data flows through the processor; the processor sets it once it is wired. */
	flow: () => LiveFlow = () => ({ stalled: false, lastEventAt: null });

	constructor(
		private readonly timeZone: string,
		districtIds: readonly string[] = [],
		now = Date.now()
	) {
		this.room('city', now);
		for (const id of districtIds) this.room(`district:${id}`, now);
	}

	room(name: string, now = Date.now()): RoomState {
		let r = this.#rooms.get(name);
		if (!r) {
			r = new RoomState(name, localDay(now, this.timeZone), FEED_SAMPLE);
			this.#rooms.set(name, r);
		}
		return r;
	}

	/**
	 * The rooms an event or alert of a district shows in: the city, and the district's room if it
	 * is one of the city's (rooms are made up front: a made-up district code must not make one).
	 */
	roomsOf(districtId: string, now = Date.now()): RoomState[] {
		const city = this.room('city', now);
		const district = this.#rooms.get(`district:${districtId}`);
		return district ? [city, district] : [city];
	}

	onEvent(e: FsEvent, now = Date.now()): void {
		const occurredMs = Date.parse(e.occurredAt);
		const today = localDay(now, this.timeZone);
		const isToday = localDay(occurredMs, this.timeZone) === today;
		const item = {
			id: e.id,
			type: e.type,
			merchantId: e.merchantId,
			districtId: e.districtId,
			occurredAt: e.occurredAt,
			recordedAt: e.recordedAt
		};
		const family = familyOf(e.type);
		for (const r of this.roomsOf(e.districtId, now)) {
			r.rollDay(today);
			r.countEvent(family, occurredMs, item, isToday);
		}
	}

	onAlert(a: Alert, now = Date.now()): void {
		for (const r of this.roomsOf(a.districtId, now)) r.addAlert(a);
	}

	/** A lifecycle step: a closed or dismissed alert leaves the open counts. */
	onAlertResolved(a: Alert, now = Date.now()): void {
		for (const r of this.roomsOf(a.districtId, now)) r.resolveAlert(a);
	}

	setMerchantCounts(perDistrict: Map<string, number>, now = Date.now()): void {
		let all = 0;
		for (const [districtId, n] of perDistrict) {
			this.#rooms.get(`district:${districtId}`)?.setMerchants(n);
			all += n;
		}
		this.room('city', now).setMerchants(all);
	}

	/**
	 * Rescored merchants: each room's grade mix (absolute, from the engine's counts) and the
	 * merchants whose grade moved.
	 */
	onRiskChanges(
		changes: readonly RiskChange[],
		perDistrict: Map<string, Record<RiskGrade, number>>,
		now = Date.now()
	): void {
		const city = emptyGradeCounts();
		for (const [districtId, grades] of perDistrict) {
			this.#rooms.get(`district:${districtId}`)?.setGrades(grades);
			for (const g of riskGrades) city[g] += grades[g];
		}
		this.room('city', now).setGrades(city);
		for (const c of changes) {
			if (c.before?.grade === c.result.grade) continue;
			const change = {
				merchantId: c.merchantId,
				from: c.before?.grade ?? null,
				to: c.result.grade,
				score: c.result.score
			};
			for (const r of this.roomsOf(c.districtId, now)) r.addGradeChange(change);
		}
	}

	/** Deltas of the rooms that changed; every room beats at least every HEARTBEAT_MS. */
	tick(now = Date.now()): RoomDelta[] {
		const heartbeat = now - this.#lastHeartbeat >= HEARTBEAT_MS;
		if (heartbeat) this.#lastHeartbeat = now;
		const today = localDay(now, this.timeZone);
		const deltas: RoomDelta[] = [];
		const flow = this.flow();
		for (const r of this.#rooms.values()) {
			r.rollDay(today);
			const d = r.takeDelta(now, flow, heartbeat);
			if (d) deltas.push(d);
		}
		return deltas;
	}

	/** A room nobody has fed yet answers empty, without being created (rooms are not free). */
	snapshot(name: string, now = Date.now()): RoomSnapshot {
		const r =
			this.#rooms.get(name) ?? new RoomState(name, localDay(now, this.timeZone), FEED_SAMPLE);
		return r.snapshot(now, this.flow());
	}

	rooms(): IterableIterator<RoomState> {
		return this.#rooms.values();
	}
}

import { io, type Socket } from 'socket.io-client';
import { z } from 'zod';
import type { Alert } from '$lib/domain/alert';
import {
	roomDelta,
	roomSnapshot,
	type FeedItem,
	type GradeChange,
	type LiveFlow,
	type RoomDelta,
	type RoomName,
	type RoomSnapshot,
	type RoomTotals
} from '$lib/domain/live';
import {
	eventRate,
	lastHour,
	mergeAlerts,
	mergeFeed,
	mergeMinute,
	newAlerts,
	type MinuteBucket
} from './room-data';
import { DeltaSequencer } from './sequencer';

export type LiveStatus = 'connecting' | 'live' | 'stale' | 'offline';

/** A delta or heartbeat within this long means the screen is live. */
export const STALE_AFTER_MS = 5_000;
const ACK_TIMEOUT_MS = 5_000;
const RETRY_MS = 2_000;
/** Tickets live 5 minutes and are reused for half of that: renewing each minute stays well ahead. */
const RENEW_MS = 60_000;
/** How long a new alert counts as "just arrived" (ticker highlight, map flash). */
export const ARRIVAL_MS = 8_000;

const ack = z.discriminatedUnion('ok', [
	z.object({ ok: z.literal(true), snapshot: roomSnapshot }),
	z.object({ ok: z.literal(false), error: z.string() })
]);

/** An alert that arrived live (not in a snapshot), with when it arrived here. */
export interface Arrival {
	alert: Alert;
	at: number;
}

/**
 * One room of the live gateway: snapshot, then deltas in seq order, resync on gaps, rejoin
 * after every reconnect (socket.io reconnects by itself). Times are this browser's clock, so a
 * server with a skewed clock cannot make the screen look live or stale.
 */
export class LiveRoom {
	connection = $state<'connecting' | 'up' | 'down'>('connecting');
	/** When the last snapshot or delta (heartbeats included) was applied, in epoch ms. */
	lastUpdateAt = $state<number | null>(null);
	now = $state(Date.now());
	error = $state<string | null>(null);
	totals = $state.raw<RoomTotals | null>(null);
	perMinute = $state.raw<MinuteBucket[]>([]);
	alerts = $state.raw<Alert[]>([]);
	feed = $state.raw<FeedItem[]>([]);
	arrivals = $state.raw<Arrival[]>([]);
	/** Events in the last applied tick (the feed shows only a sample of them). */
	lastTickEvents = $state(0);
	/** The processor's own word on whether data flows (heartbeats alone do not prove it). */
	flow = $state.raw<LiveFlow>({ stalled: false, lastEventAt: null });

	status: LiveStatus = $derived.by(() => {
		if (this.connection === 'down') return 'offline';
		if (this.connection === 'connecting' || this.lastUpdateAt === null) return 'connecting';
		if (this.flow.stalled) return 'stale';
		return this.now - this.lastUpdateAt <= STALE_AFTER_MS ? 'live' : 'stale';
	});
	rate = $derived(eventRate(this.perMinute, this.now));
	hour = $derived(lastHour(this.perMinute, this.now));

	private socket: Socket | null = null;
	private timer: ReturnType<typeof setInterval> | null = null;
	private renewal: ReturnType<typeof setInterval> | null = null;
	private retry: ReturnType<typeof setTimeout> | null = null;
	private sequencer = new DeltaSequencer();
	private resyncing = false;
	private gradeListeners: ((changes: GradeChange[], overflow: boolean) => void)[] = [];

	constructor(readonly room: RoomName) {}

	/** `ticket` is asked for on every (re)connect: the gateway lets the socket into its rooms by it. */
	connect(gatewayUrl: string, ticket: () => Promise<string>): void {
		if (this.socket) return;
		const socket = io(gatewayUrl, {
			transports: ['websocket'],
			auth: (cb) => {
				ticket().then(
					(t) => cb({ ticket: t }),
					() => cb({})
				);
			}
		});
		this.socket = socket;
		socket.on('connect', () => {
			this.connection = 'up';
			if (this.retry) clearTimeout(this.retry);
			this.request('join');
		});
		socket.on('disconnect', (reason) => {
			this.connection = 'down';
			this.sequencer.reset();
			// The server closed us on purpose: socket.io will not retry by itself then.
			if (reason === 'io server disconnect') socket.connect();
		});
		socket.on('connect_error', () => {
			this.connection = 'down';
			// A refused ticket (expired, say) is not retried by socket.io itself: try again, which
			// asks for a fresh ticket.
			setTimeout(() => {
				if (this.socket === socket && !socket.connected && !socket.active) socket.connect();
			}, RETRY_MS);
		});
		socket.on('delta', (frame: unknown) => this.onDelta(frame));
		this.timer = setInterval(() => this.tick(), 1_000);
		// The gateway lets a socket go when its ticket ends: show it a fresh one well before.
		this.renewal = setInterval(() => {
			if (!socket.connected) return;
			ticket().then(
				(t) =>
					socket.emit('renew', { ticket: t }, (a: { ok?: boolean } | undefined) => {
						// Refused (signed out, rights changed): reconnecting asks the server again.
						if (!a?.ok) socket.disconnect().connect();
					}),
				() => {}
			);
		}, RENEW_MS);
	}

	/**
	 * Grade changes as they arrive, outside Svelte's reactivity (a map recolours 100,000 points
	 * in place). `overflow`: more changed than a delta carries, or a snapshot replaced the state:
	 * reload every grade.
	 */
	onGradeChanges(fn: (changes: GradeChange[], overflow: boolean) => void): () => void {
		this.gradeListeners = [...this.gradeListeners, fn];
		return () => {
			this.gradeListeners = this.gradeListeners.filter((f) => f !== fn);
		};
	}

	destroy(): void {
		this.gradeListeners = [];
		if (this.timer) clearInterval(this.timer);
		if (this.renewal) clearInterval(this.renewal);
		if (this.retry) clearTimeout(this.retry);
		this.socket?.removeAllListeners();
		this.socket?.disconnect();
		this.socket = null;
	}

	private tick(): void {
		this.now = Date.now();
		if (this.arrivals.some((a) => this.now - a.at > ARRIVAL_MS)) {
			this.arrivals = this.arrivals.filter((a) => this.now - a.at <= ARRIVAL_MS);
		}
	}

	/** `join` on (re)connect, `snapshot` to resync; both answer with a snapshot. */
	private request(event: 'join' | 'snapshot'): void {
		const socket = this.socket;
		if (!socket?.connected) return;
		this.resyncing = true;
		socket
			.timeout(ACK_TIMEOUT_MS)
			.emit(event, { room: this.room }, (err: unknown, res: unknown) => {
				this.resyncing = false;
				if (socket !== this.socket) return;
				const parsed = ack.safeParse(res);
				if (err || !parsed.success || !parsed.data.ok) {
					this.error =
						parsed.success && !parsed.data.ok ? parsed.data.error : String(err ?? 'bad ack');
					this.retry = setTimeout(() => this.request(event), RETRY_MS);
					return;
				}
				this.error = null;
				this.applySnapshot(parsed.data.snapshot);
			});
	}

	private applySnapshot(s: RoomSnapshot): void {
		this.totals = s.totals;
		this.flow = s.flow;
		this.perMinute = s.perMinute.map(([m, c]): MinuteBucket => [m, c]);
		this.alerts = mergeAlerts([], s.alerts);
		this.feed = mergeFeed([], s.feed);
		this.touch();
		// A (re)join may follow missed deltas: the grades seen so far may be out of date.
		for (const fn of this.gradeListeners) fn([], true);
		const step = this.sequencer.onSnapshot(s.seq);
		for (const d of step.apply) this.applyDelta(d);
		if (step.resync) this.request('snapshot');
	}

	private onDelta(frame: unknown): void {
		const parsed = roomDelta.safeParse(frame);
		if (!parsed.success || parsed.data.room !== this.room) return;
		const step = this.sequencer.onDelta(parsed.data);
		for (const d of step.apply) this.applyDelta(d);
		if (step.resync && !this.resyncing) this.request('snapshot');
	}

	private applyDelta(d: RoomDelta): void {
		this.totals = d.totals;
		this.flow = d.flow;
		this.perMinute = mergeMinute(this.perMinute, d.minute);
		if (d.alerts.length > 0) {
			const at = Date.now();
			const fresh = newAlerts(this.alerts, d.alerts).map((alert) => ({ alert, at }));
			this.alerts = mergeAlerts(this.alerts, d.alerts);
			if (fresh.length > 0) this.arrivals = [...fresh, ...this.arrivals].slice(0, 50);
		}
		this.feed = mergeFeed(this.feed, d.feed);
		this.lastTickEvents = d.feedTotal;
		if (d.gradeChangesTotal > 0) {
			const overflow = d.gradeChangesTotal > d.gradeChanges.length;
			for (const fn of this.gradeListeners) fn(d.gradeChanges, overflow);
		}
		this.touch();
	}

	private touch(): void {
		this.now = Date.now();
		this.lastUpdateAt = this.now;
	}
}

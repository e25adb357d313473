import { SvelteMap, SvelteSet } from 'svelte/reactivity';
import type { Alert } from '$lib/domain/alert';
import { commandOverview, type CommandOverview } from '$lib/domain/command/overview';
import {
	defaultScreenSettings,
	screenAnswer,
	type ScreenConfig,
	type ScreenSettings
} from '$lib/domain/command/screen-config';
import { addGrowth, withStored, type FamilyMinute } from '$lib/domain/command/family-minutes';
import { currentTakeover, nextTakeovers, type Takeover } from '$lib/domain/command/takeover';
import {
	expandViews,
	rotationAt,
	TOUCH_PAUSE_MS,
	viewKey,
	type WallView
} from '$lib/domain/command/wall-views';
import { heapVerdict, keptSamples, type HeapSample } from '$lib/domain/command/watchdog';
import type { LiveRoom } from '$lib/live/live-room.svelte';

/** The overview is asked for at least this often, and at most this often while events flow. */
const OVERVIEW_EVERY_MS = 15_000;
const OVERVIEW_MIN_GAP_MS = 4_000;
const CONFIG_EVERY_MS = 10_000;
const HEAP_EVERY_MS = 60_000;
const SHOWN_KEEP = 500;
/** A flood of critical alerts must not hold the screen for ever: the newest few wait, no more. */
const QUEUE_MAX = 3;
/** A quiet spell between takeovers: a city with many critical alerts still gets a working wall. */
const TAKEOVER_GAP_MS = 30_000;

interface Cached {
	overview: CommandOverview;
	/** When it arrived here (this browser's clock: a panel's "updated" time). */
	at: number;
}

/**
 * The wall's behaviour beyond the live room: its configuration (picked up live), the overview
 * of the view on show (polled, and again soon after the room moves), the rotation with its
 * pause on touch, the alarm takeover and the memory watchdog. `district`: the page's own
 * district (the URL's), which pins the views to it.
 */
export class Wall {
	now = $state(Date.now());
	screen = $state.raw<ScreenConfig | null>(null);
	settings = $state.raw<ScreenSettings>(defaultScreenSettings([]));
	/** The overview of each view shown so far (a handful): a rotation back shows it at once. */
	readonly overviews = new SvelteMap<string, Cached>();
	overviewFailing = $state(false);
	minutes = $state.raw<FamilyMinute[]>([]);
	/** Rotation clock: from the last configuration change; a touch pauses it. */
	since = $state(Date.now());
	pausedUntil = $state(0);
	shownIndex = $state(0);
	takeover = $state.raw<Takeover | null>(null);
	queue = $state.raw<Alert[]>([]);
	/** Someone is working at the wall (a drill-down is open): takeovers wait until they are done. */
	busy = $state(false);

	readonly steps = $derived.by(() =>
		expandViews(
			this.pinned ? ['district', 'top_risk'].filter((v) => this.allowed(v)) : this.views(),
			this.pinned ? [this.pinned] : this.settings.districts,
			!this.pinned && this.holdsCity
		)
	);
	readonly rotation = $derived(
		rotationAt(this.steps, this.settings.rotation.seconds, this.since, this.now, this.pausedUntil)
	);
	readonly view: WallView = $derived(this.steps[this.shownIndex] ?? this.steps[0]!);
	readonly current = $derived(this.overviews.get(viewKey(this.view)) ?? null);
	readonly staleAfterMs = $derived(this.settings.staleAfterSeconds * 1000);
	readonly activeTakeover = $derived(
		currentTakeover(this.takeover, this.settings.takeoverSeconds, this.now)
	);

	#startedAt = Date.now();
	#heap: HeapSample[] = [];
	#lastFetch = 0;
	#fetching = false;
	#again = false;
	/** Critical alerts already queued or dropped from the queue: never queued again. */
	#considered = new SvelteSet<string>();
	#lastFamilies: Record<string, number> | null = null;
	#takeoverEndedAt = 0;

	constructor(
		private readonly live: LiveRoom,
		private readonly pinned: string | null,
		private readonly holdsCity: boolean,
		private readonly viewerDistricts: string[],
		private readonly preview: string | null = null
	) {
		this.settings = this.personSettings();
	}

	/** Starts the timers; the returned function stops them all. */
	start(): () => void {
		const timers = [
			setInterval(() => this.tick(), 1_000),
			setInterval(() => void this.refresh(), OVERVIEW_EVERY_MS),
			setInterval(() => void this.loadConfig(), CONFIG_EVERY_MS),
			setInterval(() => void this.watchHeap(), HEAP_EVERY_MS)
		];
		void this.loadConfig();
		void this.refresh();
		return () => timers.forEach(clearInterval);
	}

	/** Someone touched the wall: hold the view they are looking at. */
	touch(): void {
		this.pausedUntil = Date.now() + TOUCH_PAUSE_MS;
	}

	resume(): void {
		this.pausedUntil = 0;
		this.since = Date.now();
	}

	dismissTakeover(): void {
		this.takeover = null;
		this.#takeoverEndedAt = Date.now();
	}

	/** The room moved: new alerts may want the screen; the figures are due again soon. */
	onRoom(): void {
		const totals = this.live.totals;
		if (totals) {
			this.minutes = addGrowth(this.minutes, this.#lastFamilies, totals.byFamily, Date.now());
			this.#lastFamilies = totals.byFamily;
		}
		if (Date.now() - this.#lastFetch > OVERVIEW_MIN_GAP_MS) void this.refresh();
	}

	onArrivals(arrivals: readonly Alert[]): void {
		if (this.settings.takeoverSeconds <= 0) return;
		const inView = arrivals.filter((a) => !this.pinned || a.districtId === this.pinned);
		const queue = nextTakeovers(this.queue, inView, this.#considered);
		for (const a of queue) this.#considered.add(a.id);
		while (this.#considered.size > SHOWN_KEEP) {
			this.#considered.delete(this.#considered.values().next().value as string);
		}
		this.queue = queue.slice(-QUEUE_MAX);
		this.tick();
	}

	private tick(): void {
		this.now = Date.now();
		if (!this.rotation.paused && this.rotation.index !== this.shownIndex) {
			this.shownIndex = this.rotation.index;
			void this.refresh();
		}
		if (this.takeover && !this.activeTakeover) this.dismissTakeover();
		const quiet = this.now - this.#takeoverEndedAt >= TAKEOVER_GAP_MS;
		if (!this.takeover && !this.busy && quiet && this.queue.length > 0) {
			const [next, ...rest] = this.queue;
			this.queue = rest;
			if (next) {
				this.takeover = { alert: next, since: this.now };
			}
		}
	}

	/** The overview of the view on show. */
	async refresh(): Promise<void> {
		if (this.#fetching) {
			this.#again = true;
			return;
		}
		this.#fetching = true;
		this.#lastFetch = Date.now();
		const view = this.view;
		try {
			const q = view.district ? `?district=${view.district}` : '';
			const res = await fetch(`/api/command/overview${q}`);
			if (res.status === 401) return this.signedOut();
			if (!res.ok) throw new Error(`overview answered ${res.status}`);
			const overview = commandOverview.parse(await res.json());
			if (this.overviews.size === 0) performance.mark('wall:figures');
			this.overviews.set(viewKey(view), { overview, at: Date.now() });
			if (!view.district || view.district === this.pinned) {
				this.minutes = withStored(this.minutes, overview.minutes);
			}
			this.overviewFailing = false;
		} catch {
			this.overviewFailing = true;
		} finally {
			this.#fetching = false;
			// Asked for meanwhile (a new view, a new configuration): once more, for what shows now.
			if (this.#again) {
				this.#again = false;
				if (viewKey(this.view) !== viewKey(view)) void this.refresh();
			}
		}
	}

	private async loadConfig(): Promise<void> {
		try {
			// An admin previewing a configured screen (the link on its settings page).
			const res = await fetch(
				this.preview ? `/api/command/screen?screen=${this.preview}` : '/api/command/screen'
			);
			if (res.status === 401) return this.signedOut();
			if (!res.ok) return;
			const answer = screenAnswer.parse(await res.json());
			const changed =
				answer.screen?.id !== this.screen?.id || answer.screen?.version !== this.screen?.version;
			if (!changed) return;
			// Other districts are another room and another scope: the page starts over for them.
			const before = this.screen?.districts.join(',');
			if (this.screen && answer.screen && answer.screen.districts.join(',') !== before) {
				location.assign('/command');
				return;
			}
			this.screen = answer.screen;
			this.settings = answer.screen ? answer.settings : this.personSettings();
			this.since = Date.now();
			this.shownIndex = 0;
			void this.refresh();
		} catch {
			// Unreachable for now: the screen keeps its configuration and asks again.
		}
	}

	/** A person at their desk: their districts (or the city), the map then the top-risk list. */
	private personSettings(): ScreenSettings {
		const base = defaultScreenSettings(this.holdsCity ? [] : this.viewerDistricts);
		return {
			...base,
			rotation: { views: [this.holdsCity ? 'city' : 'district', 'top_risk'], seconds: 60 }
		};
	}

	private views() {
		return this.settings.rotation.views;
	}

	private allowed(v: string): v is 'district' | 'top_risk' {
		return this.views().some((x) => x === v) || v === 'district';
	}

	/**
	 * Signed out (a revoked screen, an expired session): reloading lets the server say where to
	 * go — the revoked-screen page for a kiosk, the sign-in page for a person.
	 */
	private signedOut(): void {
		location.reload();
	}

	private async watchHeap(): Promise<void> {
		const memory = (performance as { memory?: { usedJSHeapSize: number } }).memory;
		if (!memory) return;
		this.#heap = keptSamples(
			[...this.#heap, { at: Date.now(), used: memory.usedJSHeapSize }],
			this.#startedAt
		);
		if (!heapVerdict(this.#heap, this.#startedAt).reload) return;
		// Only into a server that answers: a reload during an outage would land on an error page.
		const up = await fetch('/healthz').then(
			(r) => r.ok,
			() => false
		);
		if (up) location.reload();
	}
}

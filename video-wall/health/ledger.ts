import type { Camera } from '../../src/lib/domain/video/camera';
import type { SourceStatus } from '../sources/live-source';
import { judgeProbe, judgeRunning, type HealthLimits, type Verdict } from './judge';

export interface Reported {
	state: 'online' | 'offline';
	/** The start of the outage being reported (ms), for the ids of its events. */
	since?: number;
}

export type ProbeResult = Parameters<typeof judgeProbe>[1];

/** What a tick (or a probe's end) asks the monitor to do for one camera. */
export type Step = { kind: 'report'; verdict: Verdict } | { kind: 'probe'; token: number };

interface Entry {
	reported: Reported;
	/**
	 * Moves on whenever the camera's state is reported or its source is seen running: a probe
	 * begun in an older epoch speaks of a past the camera has left, and is dropped.
	 */
	epoch: number;
	nextProbe?: number;
	/** The epoch the probe in flight began in (one at a time per camera). */
	probing?: number;
	/** A report is being published: one at a time per camera, so no two can both see a change. */
	reporting: boolean;
}

/**
 * The health monitor's book per camera, without I/O: what it last reported, when it is probed
 * next, and which probe or report is in flight. Probes never hold up a tick (a dark RTSP camera
 * takes the whole socket timeout), so their results come back while sources are judged; the
 * rules here keep one outage to one `camera.offline` however the two paths interleave: one
 * report in flight per camera, and a probe result dropped when the source ran or a change was
 * reported since the probe began (their `since` differ, so NATS would not dedup the pair).
 */
export class HealthLedger {
	readonly #entries = new Map<string, Entry>();

	constructor(
		private readonly o: {
			limits: HealthLimits;
			probeEveryMs: number;
			random?: () => number;
		}
	) {}

	/** One tick's look at a camera: running ones by their bytes, idle ones by a probe when due. */
	step(camera: Camera, running: SourceStatus | undefined, now: number): Step | undefined {
		const e = this.#entry(camera);
		if (running) {
			e.epoch++;
			// Probed again only after it has been idle a full interval.
			e.nextProbe = now + this.o.probeEveryMs;
			return this.#change(e, judgeRunning(camera.source, running, now, this.o.limits));
		}
		if (e.probing !== undefined) return undefined;
		// A built-in test pattern has nothing to reach: it is probed only to clear an outage
		// (each probe starts an ffmpeg; a city of idle demo cameras would cost a core).
		if (camera.source.kind === 'test_pattern' && e.reported.state === 'online') return undefined;
		if (e.nextProbe === undefined) {
			// Spread the first probes over the interval: a start does not grab every camera at once.
			e.nextProbe = now + (this.o.random ?? Math.random)() * this.o.probeEveryMs;
			return undefined;
		}
		if (now < e.nextProbe) return undefined;
		e.nextProbe = now + this.o.probeEveryMs;
		e.probing = e.epoch;
		return { kind: 'probe', token: e.epoch };
	}

	/**
	 * A probe came back (`camera` as the directory holds it now, undefined if removed; `running`:
	 * whether a source runs now). A report when it is still news, else nothing.
	 */
	probed(
		camera: Camera | undefined,
		token: number,
		result: ProbeResult | undefined,
		running: boolean
	): Step | undefined {
		const e = camera && this.#entries.get(camera.cameraId);
		if (!e || e.probing !== token) return undefined;
		e.probing = undefined;
		// The camera started streaming meanwhile (the source speaks for it), or moved on.
		if (!result || running || e.epoch !== token) return undefined;
		return this.#change(e, judgeProbe(camera.source, result));
	}

	/** The report of a step went out (`ok`) or did not (the next tick or probe tries again). */
	reported(cameraId: string, verdict: Verdict, ok: boolean): void {
		const e = this.#entries.get(cameraId);
		if (!e) return;
		e.reporting = false;
		if (!ok) return;
		e.reported =
			verdict.state === 'offline'
				? { state: 'offline', since: verdict.since }
				: { state: 'online' };
		e.epoch++;
	}

	/** An offline/online event folded into the directory (ours, or another instance's). */
	observed(camera: Camera): void {
		const e = this.#entry(camera);
		const since = camera.offline ? Date.parse(camera.offline.since) : undefined;
		if (e.reported.state === camera.status && e.reported.since === since) return;
		e.reported = { state: camera.status, since };
		e.epoch++;
	}

	/** What was last reported (for the online event's id). */
	known(camera: Camera): Reported {
		return this.#entry(camera).reported;
	}

	forget(cameraId: string): void {
		this.#entries.delete(cameraId);
	}

	states(): Record<string, Reported> {
		return Object.fromEntries([...this.#entries].map(([id, e]) => [id, e.reported]));
	}

	#change(e: Entry, v: Verdict | undefined): Step | undefined {
		if (!v || e.reporting || v.state === e.reported.state) return undefined;
		e.reporting = true;
		return { kind: 'report', verdict: v };
	}

	#entry(camera: Camera): Entry {
		let e = this.#entries.get(camera.cameraId);
		if (!e) {
			e = {
				reported: {
					state: camera.status,
					since: camera.offline ? Date.parse(camera.offline.since) : undefined
				},
				epoch: 0,
				reporting: false
			};
			this.#entries.set(camera.cameraId, e);
		}
		return e;
	}
}

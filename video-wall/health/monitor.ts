import type { JetStreamClient } from '@nats-io/jetstream';
import type { Camera } from '../../src/lib/domain/video/camera';
import { makeEvent, publishEvent } from '../../src/lib/server/backbone/publisher';
import { stableEventId } from '../../src/lib/server/backbone/stable-id';
import type { CameraDirectory } from '../cameras/directory';
import type { Grabber } from '../snapshot/grabber';
import type { SourceManager } from '../sources/source-manager';
import { judgeProbe, judgeRunning, type HealthLimits, type Verdict } from './judge';

interface Reported {
	state: 'online' | 'offline';
	/** The start of the outage being reported (ms), for the ids of its events. */
	since?: number;
}

const actor = { kind: 'system' as const, id: 'video-wall' };

/**
 * Turns what the sources and probes show into `camera.offline` / `camera.online` events, only on
 * a change of state. Event ids are fixed by the camera and the outage's start, so a restarted
 * service (or a retry) that reports the same outage makes the same event, which NATS dedups.
 * The state last reported starts from the directory's (the fold of those same events).
 */
export class HealthMonitor {
	readonly #reported = new Map<string, Reported>();
	readonly #nextProbe = new Map<string, number>();
	readonly #timer: ReturnType<typeof setInterval>;
	#busy = false;

	constructor(
		private readonly deps: {
			js: JetStreamClient;
			directory: CameraDirectory;
			sources: SourceManager;
			grabber: Grabber;
			limits: HealthLimits;
			probeEveryMs: number;
			log: (m: string) => void;
		}
	) {
		this.#timer = setInterval(() => void this.tick(), 1_000);
		// A camera removed is forgotten; offline/online events (ours or another's) set what is known.
		deps.directory.onChange(({ cameraId, after, event }) => {
			if (!after) {
				this.#reported.delete(cameraId);
				this.#nextProbe.delete(cameraId);
			} else if (event.type === 'camera.offline' || event.type === 'camera.online') {
				this.#reported.set(cameraId, {
					state: after.status,
					since: after.offline ? Date.parse(after.offline.since) : undefined
				});
			}
		});
	}

	/** Looks at every camera once: running ones by their bytes, idle ones by a probe when due. */
	async tick(now = Date.now()): Promise<void> {
		if (this.#busy) return;
		this.#busy = true;
		try {
			const probes: Promise<void>[] = [];
			for (const camera of this.deps.directory.cameras.values()) {
				const status = this.deps.sources.status(camera.cameraId);
				if (status) {
					const v = judgeRunning(camera.source, status, now, this.deps.limits);
					if (v) await this.#report(camera, v);
					// Probed again only after it has been idle a full interval.
					this.#nextProbe.set(camera.cameraId, now + this.deps.probeEveryMs);
					continue;
				}
				const due = this.#nextProbe.get(camera.cameraId);
				if (due === undefined) {
					// Spread the first probes over the interval: a start does not grab every camera at once.
					this.#nextProbe.set(camera.cameraId, now + Math.random() * this.deps.probeEveryMs);
				} else if (now >= due) {
					this.#nextProbe.set(camera.cameraId, now + this.deps.probeEveryMs);
					probes.push(this.#probe(camera));
				}
			}
			await Promise.all(probes);
		} finally {
			this.#busy = false;
		}
	}

	async #probe(camera: Camera): Promise<void> {
		try {
			const r = await this.deps.grabber.grab(camera);
			// The camera may have started streaming meanwhile; then the source speaks for it.
			if (this.deps.sources.status(camera.cameraId)) return;
			const current = this.deps.directory.get(camera.cameraId);
			if (current) await this.#report(current, judgeProbe(current.source, r));
		} catch (e) {
			this.deps.log(`health: probe of ${camera.cameraId} not run: ${(e as Error).message}`);
		}
	}

	#known(camera: Camera): Reported {
		let r = this.#reported.get(camera.cameraId);
		if (!r) {
			r = {
				state: camera.status,
				since: camera.offline ? Date.parse(camera.offline.since) : undefined
			};
			this.#reported.set(camera.cameraId, r);
		}
		return r;
	}

	async #report(camera: Camera, v: Verdict): Promise<void> {
		const known = this.#known(camera);
		if (known.state === v.state) return;
		const base = { merchantId: camera.merchantId, districtId: camera.districtId, actor };
		const event =
			v.state === 'offline'
				? makeEvent({
						...base,
						type: 'camera.offline',
						id: stableEventId(`camera.offline/${camera.cameraId}/${v.since}`),
						payload: {
							cameraId: camera.cameraId,
							reason: v.reason,
							since: new Date(v.since).toISOString(),
							...(v.detail ? { detail: v.detail } : {})
						}
					})
				: makeEvent({
						...base,
						type: 'camera.online',
						id: stableEventId(`camera.online/${camera.cameraId}/${known.since ?? 0}`),
						payload: { cameraId: camera.cameraId }
					});
		try {
			await publishEvent(this.deps.js, event);
			this.#reported.set(
				camera.cameraId,
				v.state === 'offline' ? { state: 'offline', since: v.since } : { state: 'online' }
			);
			this.deps.log(
				`health: ${camera.cameraId} ${v.state}${v.state === 'offline' ? ` (${v.reason}${v.detail ? `: ${v.detail}` : ''})` : ''}`
			);
		} catch (e) {
			// Not reported: the next tick tries again (same id, so no double).
			this.deps.log(
				`health: cannot publish ${event.type} of ${camera.cameraId}: ${(e as Error).message}`
			);
		}
	}

	/** What /healthz shows per camera. */
	states(): Record<string, Reported> {
		return Object.fromEntries(this.#reported);
	}

	close(): void {
		clearInterval(this.#timer);
	}
}

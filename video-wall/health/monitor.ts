import type { JetStreamClient } from '@nats-io/jetstream';
import type { Camera } from '../../src/lib/domain/video/camera';
import { makeEvent, publishEvent } from '../../src/lib/server/backbone/publisher';
import { stableEventId } from '../../src/lib/server/backbone/stable-id';
import type { CameraDirectory } from '../cameras/directory';
import type { Grabber } from '../snapshot/grabber';
import type { SourceManager } from '../sources/source-manager';
import type { HealthLimits, Verdict } from './judge';
import { HealthLedger, type ProbeResult, type Reported } from './ledger';

const actor = { kind: 'system' as const, id: 'video-wall' };

/**
 * Turns what the sources and probes show into `camera.offline` / `camera.online` events, only on
 * a change of state. Event ids are fixed by the camera and the outage's start, so a restarted
 * service (or a retry) that reports the same outage makes the same event, which NATS dedups.
 * The state last reported starts from the directory's (the fold of those same events). A tick
 * waits on nothing: probes and publishes run on their own, and the ledger keeps them apart.
 */
export class HealthMonitor {
	readonly #ledger: HealthLedger;
	readonly #timer: ReturnType<typeof setInterval>;

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
		this.#ledger = new HealthLedger({ limits: deps.limits, probeEveryMs: deps.probeEveryMs });
		this.#timer = setInterval(() => this.tick(), 1_000);
		// A camera removed is forgotten; offline/online events (ours or another's) set what is known.
		deps.directory.onChange(({ cameraId, after, event }) => {
			if (!after) this.#ledger.forget(cameraId);
			else if (event.type === 'camera.offline' || event.type === 'camera.online') {
				this.#ledger.observed(after);
			}
		});
	}

	/** Looks at every camera once; starts the probes and reports due, without waiting for them. */
	tick(now = Date.now()): void {
		for (const camera of this.deps.directory.cameras.values()) {
			const step = this.#ledger.step(camera, this.deps.sources.status(camera.cameraId), now);
			if (step?.kind === 'report') void this.#report(camera, step.verdict);
			else if (step?.kind === 'probe') void this.#probe(camera, step.token);
		}
	}

	async #probe(camera: Camera, token: number): Promise<void> {
		let result: ProbeResult | undefined;
		try {
			result = await this.deps.grabber.grab(camera);
		} catch (e) {
			this.deps.log(`health: probe of ${camera.cameraId} not run: ${(e as Error).message}`);
		}
		const current = this.deps.directory.get(camera.cameraId);
		const running = this.deps.sources.status(camera.cameraId) !== undefined;
		const step = this.#ledger.probed(current, token, result, running);
		if (current && step?.kind === 'report') await this.#report(current, step.verdict);
	}

	/** Publishes a change the ledger let through (it lets one per camera through at a time). */
	async #report(camera: Camera, v: Verdict): Promise<void> {
		const known = this.#ledger.known(camera);
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
			this.#ledger.reported(camera.cameraId, v, true);
			this.deps.log(
				`health: ${camera.cameraId} ${v.state}${v.state === 'offline' ? ` (${v.reason}${v.detail ? `: ${v.detail}` : ''})` : ''}`
			);
		} catch (e) {
			// Not reported: the next tick (or probe) tries again (same id, so no double).
			this.#ledger.reported(camera.cameraId, v, false);
			this.deps.log(
				`health: cannot publish ${event.type} of ${camera.cameraId}: ${(e as Error).message}`
			);
		}
	}

	/** What /healthz shows per camera. */
	states(): Record<string, Reported> {
		return this.#ledger.states();
	}

	close(): void {
		clearInterval(this.#timer);
	}
}

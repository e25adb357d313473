import type { ConsumerMessages, JetStreamClient, JetStreamManager } from '@nats-io/jetstream';
import { fsEvent } from '../../src/lib/domain/events';
import { streams } from '../../src/lib/domain/subjects';
import {
	applyCameraEvent,
	isCameraEvent,
	type Camera,
	type CameraEvent
} from '../../src/lib/domain/video/camera';
import { applyMerchantEvent, type MerchantNames } from './merchant-names';

/** What changed for one camera: before and after (undefined = did not exist / removed). */
export type CameraChange = {
	cameraId: string;
	before?: Camera;
	after?: Camera;
	event: CameraEvent;
};

/** Whose a camera's recordings are (kept after it is removed: recordings outlive it). */
export type CameraOwner = Pick<Camera, 'cameraId' | 'merchantId' | 'districtId' | 'retentionDays'>;

/**
 * The cameras and the names of their merchants, folded from FS_EVENTS by two ordered consumers
 * replaying from the start (`fs.ev.camera.>` and `fs.ev.merchant.>`: NATS 2.9 takes one filter
 * subject per consumer). Every instance of the service holds the whole directory in memory; it
 * is small. Events are parsed with the shared schema; one that fails is skipped (the processor
 * dead-letters it).
 */
export class CameraDirectory {
	readonly cameras = new Map<string, Camera>();
	readonly merchants: MerchantNames = new Map();
	/**
	 * Removed cameras' owners: their recordings stay evidence until retention takes them, and a
	 * merchant must not hide an incident by removing the camera. Live and snapshots use `cameras`.
	 */
	readonly removed = new Map<string, CameraOwner>();
	readonly #listeners: ((c: CameraChange) => void)[] = [];
	readonly #feeds: ConsumerMessages[] = [];
	#caughtUp = false;

	private constructor(private readonly log: (m: string) => void) {}

	/** Opens the directory; resolves once both folds reached the end of the stream as it was. */
	static async open(
		js: JetStreamClient,
		jsm: JetStreamManager,
		log: (m: string) => void
	): Promise<CameraDirectory> {
		const d = new CameraDirectory(log);
		const [cameras, merchants] = await Promise.all([
			d.#follow(js, jsm, 'fs.ev.camera.>', (e) => d.#onCamera(e)),
			d.#follow(js, jsm, 'fs.ev.merchant.>', (e) => applyMerchantEvent(d.merchants, e))
		]);
		await Promise.all([cameras, merchants]);
		d.#caughtUp = true;
		return d;
	}

	get caughtUp(): boolean {
		return this.#caughtUp;
	}

	/** Called after each change of a camera (also during the replay at start). */
	onChange(listener: (c: CameraChange) => void): void {
		this.#listeners.push(listener);
	}

	get(cameraId: string): Camera | undefined {
		return this.cameras.get(cameraId);
	}

	/** Whose recordings these are: the camera, or the owner it had when it was removed. */
	owner(cameraId: string): CameraOwner | undefined {
		return this.cameras.get(cameraId) ?? this.removed.get(cameraId);
	}

	merchantName(merchantId: string): string {
		return this.merchants.get(merchantId) ?? merchantId;
	}

	close(): void {
		for (const f of this.#feeds) f.stop();
	}

	#onCamera(e: unknown): void {
		if (!isCameraEvent(e as { type: string })) return;
		const event = e as CameraEvent;
		const before = this.cameras.get(event.payload.cameraId);
		if (!applyCameraEvent(this.cameras, event)) return;
		const after = this.cameras.get(event.payload.cameraId);
		if (after) this.removed.delete(event.payload.cameraId);
		else if (before) {
			const { cameraId, merchantId, districtId, retentionDays } = before;
			this.removed.set(cameraId, { cameraId, merchantId, districtId, retentionDays });
		}
		for (const l of this.#listeners) l({ cameraId: event.payload.cameraId, before, after, event });
	}

	/**
	 * Follows one subject from the stream's start; resolves with a promise of having caught up
	 * with what the subject held at the time of the call.
	 */
	async #follow(
		js: JetStreamClient,
		jsm: JetStreamManager,
		subject: string,
		apply: (e: unknown) => void
	): Promise<Promise<void>> {
		const info = await jsm.streams.info(streams.events, { subjects_filter: subject });
		const held = Object.values(info.state.subjects ?? {}).reduce((a, n) => a + n, 0);
		const consumer = await js.consumers.get(streams.events, { filter_subjects: subject });
		const feed = await consumer.consume();
		this.#feeds.push(feed);
		let resolveCaughtUp: () => void = () => {};
		const caughtUp = new Promise<void>((r) => (resolveCaughtUp = r));
		if (held === 0) resolveCaughtUp();
		void (async () => {
			for await (const m of feed) {
				const parsed = fsEvent.safeParse(m.json());
				if (parsed.success) apply(parsed.data);
				else this.log(`directory: skipped an invalid event at seq ${m.seq} (${subject})`);
				if (m.info.pending === 0) resolveCaughtUp();
			}
		})();
		return caughtUp;
	}
}

import type { JetStreamClient } from '@nats-io/jetstream';
import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import { fsEvent, type FsEvent } from '../../src/lib/domain/events';
import type { CameraArea, CameraSource } from '../../src/lib/domain/events/camera';
import { makeEvent, publishEvent } from '../../src/lib/server/backbone/publisher';

const actor = { kind: 'system' as const, id: 'test' };

/** A camera.registered event (test pattern, public, not recording unless told). */
export function cameraRegisteredEvent(
	cameraId: string,
	merchantId: string,
	opts: {
		districtId?: string;
		source?: CameraSource;
		publicView?: boolean;
		recording?: boolean;
		area?: CameraArea;
		name?: string;
	} = {}
) {
	return makeEvent({
		type: 'camera.registered',
		merchantId,
		districtId: opts.districtId ?? '370102',
		actor,
		payload: {
			cameraId,
			name: opts.name ?? `后厨 ${cameraId}`,
			area: opts.area ?? 'cooking',
			source: opts.source ?? { kind: 'test_pattern' },
			publicView: opts.publicView ?? true,
			recording: opts.recording ?? false,
			retentionDays: 7
		}
	});
}

/** Publishes a camera.registered event and returns it. */
export async function registerCamera(
	js: JetStreamClient,
	...args: Parameters<typeof cameraRegisteredEvent>
) {
	const e = cameraRegisteredEvent(...args);
	await publishEvent(js, e);
	return e;
}

/** Every camera event on the backbone from now on, parsed: what the video service reported. */
export function collectCameraEvents(nc: NatsConnection): { seen: FsEvent[]; sub: Subscription } {
	const seen: FsEvent[] = [];
	const sub = nc.subscribe('fs.ev.camera.>', {
		callback: (_, m) => {
			const parsed = fsEvent.safeParse(m.json());
			if (parsed.success) seen.push(parsed.data as FsEvent);
		}
	});
	return { seen, sub };
}

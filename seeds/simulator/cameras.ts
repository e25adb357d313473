import type { KV } from '@nats-io/kv';
import { uuidv7, type FsEvent } from '../../src/lib/domain/index';
import { makeEvent } from '../../src/lib/server/backbone/publisher';
import { demoCameras } from '../generator/cameras';
import type { DemoDistrict } from '../generator/model';
import { createRng } from '../generator/rng';
import { simulatorActor } from '../generator/seed-events';
import type { Outbox } from './outbox';

/** The demo's cameras as `camera.registered` events; ids from the seed (a copy is the same event). */
export function cameraSeedEvents(district: DemoDistrict, now: number): FsEvent[] {
	const idRng = createRng(district.seed).fork(`camera-ids:${district.today}`);
	const idTime = Date.parse(`${district.today}T00:00:00Z`);
	const actor = simulatorActor(district.seed);
	return demoCameras(district).map(
		(c) =>
			makeEvent(
				{
					type: 'camera.registered',
					id: uuidv7(idTime, idRng.bytes(16)),
					merchantId: c.merchant.id,
					districtId: c.merchant.districtId,
					actor,
					payload: {
						cameraId: c.cameraId,
						name: c.name,
						area: c.area,
						source: { kind: 'test_pattern' },
						publicView: c.publicView,
						recording: c.recording,
						retentionDays: c.retentionDays
					}
				},
				now
			) as FsEvent
	);
}

/**
 * Registers the demo's cameras once per seeded district, with a marker of their own: a district
 * seeded before cameras existed gets them at its next start, and a camera the demo owner has
 * since switched or removed is not registered again over their change.
 */
export async function seedCamerasOnce(
	kv: KV,
	outbox: Outbox,
	district: DemoDistrict,
	merchants: number,
	now: number,
	log: (line: string) => void
): Promise<void> {
	const key = `cameras_${district.seed}_${merchants}`;
	const entry = await kv.get(key);
	if (entry && entry.operation === 'PUT') return;
	const events = cameraSeedEvents(district, now);
	outbox.push(events);
	await outbox.drain();
	await kv.put(key, JSON.stringify({ events: events.length, at: new Date().toISOString() }));
	const shops = new Set(events.map((e) => e.merchantId)).size;
	log(`registered ${events.length} test-pattern cameras in ${shops} kitchens`);
}

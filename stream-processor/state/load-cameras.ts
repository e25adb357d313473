import { iso } from '../../clickhouse/sql';
import type { Store } from '../../clickhouse/store';
import { fsEvent, type FsEvent } from '../../src/lib/domain/events';
import { isCameraEvent } from '../../src/lib/domain/video/camera';
import { applyCamera, DEVICE_WINDOW_DAYS } from './cameras';
import type { MerchantStates } from './merchant-state';

type Row = {
	id: string;
	seq: number;
	type: string;
	v: number;
	occurredAt: string;
	recordedAt: string;
	merchantId: string;
	districtId: string;
	actorKind: string;
	actorId: string;
	payload: string;
};

const columns = `toString(id) AS id, seq, type, v, ${iso('occurredAt')} AS occurredAt,
	${iso('recordedAt')} AS recordedAt, merchantId, districtId, actorKind, actorId, payload`;

/**
 * Rebuilds every merchant's cameras by folding their events again, in stream order, with the
 * same function the consumer uses: every registration, change and removal, the offline/online
 * events of the device window (the spells the risk model counts), and before that only each
 * camera's last one (its status). A handful of events per camera: cheap at start.
 */
export async function loadCameras(
	store: Store,
	merchants: MerchantStates,
	log: (m: string) => void = () => {}
): Promise<number> {
	const recent = await store.query<Row>(
		`SELECT ${columns} FROM events
		 WHERE family = 'camera'
		   AND (type NOT IN ('camera.offline', 'camera.online')
		        OR events.occurredAt >= now() - INTERVAL {days:UInt32} DAY)`,
		{ days: DEVICE_WINDOW_DAYS + 1 }
	);
	const older = await store.query<Row>(
		`SELECT ${columns} FROM events
		 WHERE type IN ('camera.offline', 'camera.online')
		   AND events.occurredAt < now() - INTERVAL {days:UInt32} DAY
		 ORDER BY events.seq DESC LIMIT 1 BY merchantId, JSONExtractString(payload, 'cameraId')`,
		{ days: DEVICE_WINDOW_DAYS + 1 }
	);
	const seen = new Set<string>();
	const rows = [...older, ...recent]
		.filter((r) => !seen.has(r.id) && seen.add(r.id))
		.sort((a, b) => Number(a.seq) - Number(b.seq));
	let skipped = 0;
	for (const r of rows) {
		const parsed = fsEvent.safeParse({
			id: r.id,
			type: r.type,
			v: r.v,
			occurredAt: r.occurredAt,
			recordedAt: r.recordedAt,
			merchantId: r.merchantId,
			districtId: r.districtId,
			actor: { kind: r.actorKind, id: r.actorId },
			payload: JSON.parse(r.payload) as unknown
		});
		const e = parsed.success ? (parsed.data as FsEvent) : null;
		if (!e || !isCameraEvent(e)) {
			skipped++;
			continue;
		}
		applyCamera(merchants.cameraOwners, merchants.ensure(e.merchantId, e.districtId), e);
	}
	if (skipped) log(`cameras: ${skipped} stored camera events no longer parse; skipped`);
	return rows.length - skipped;
}

import type { Store } from '../../clickhouse/store';
import type { Alert } from '../../src/lib/domain/alert';
import type { FeedItem } from '../../src/lib/domain/live';
import type { RecentIds } from '../consume/dedup';
import type { LiveHub } from '../live/live-hub';
import { loadAlerts } from './load-alerts';
import { loadComplaints } from './load-complaints';
import { loadLedgerTrails } from './load-ledgers';
import { loadInspections } from './load-inspections';
import { loadCameras } from './load-cameras';
import {
	rememberLot,
	type DisputeRecord,
	type MerchantRecord,
	type MerchantStates,
	type StaffRecord
} from './merchant-state';

/**
 * Rebuilds the processor's memory from the store at start: merchants, licences, lots, alerts
 * still being handled, today's counters and the ids already stored past the consumer's ack floor (those
 * will be redelivered and must not be written twice). The stream then replays the rest.
 */
export async function loadState(
	store: Store,
	deps: {
		merchants: MerchantStates;
		live: LiveHub;
		recent: RecentIds;
		timeZone: string;
		log: (m: string) => void;
	},
	ackFloor: number
): Promise<{ merchants: number; unackedStored: number; openAlerts: number }> {
	const { merchants, live, recent, timeZone, log } = deps;
	const stored = await store.query<{ id: string }>(
		'SELECT toString(id) AS id FROM events WHERE seq > {floor:UInt64}',
		{ floor: ackFloor }
	);
	for (const r of stored) recent.add(r.id);

	type MerchantRow = Omit<
		MerchantRecord,
		| 'registered'
		| 'licences'
		| 'staff'
		| 'lastMorningCheckAt'
		| 'knownSince'
		| 'ledgerTrail'
		| 'lots'
		| 'openAlerts'
		| 'alerts'
		| 'disputes'
		| 'complaints'
		| 'sensorExcursions'
		| 'inspections'
		| 'cameras'
		| 'cameraSpells'
	>;
	for (const r of await store.query<MerchantRow>(
		`SELECT id, districtId, name, businessType, scale, status, creditCode, address, lon, lat,
		        contactName, contactPhone, enterpriseRelation, enterpriseName, enterpriseCreditCode
		 FROM merchants FINAL`
	)) {
		Object.assign(merchants.ensure(r.id, r.districtId), r, { registered: true });
	}

	type LicenceRow = {
		merchantId: string;
		districtId: string;
		licenceId: string;
		kind: string;
		number: string;
		scope: string;
		authority: string;
		validFrom: string;
		validTo: string;
		revoked: number;
		sourceEventId: string;
		attachmentIds: string[];
	};
	for (const r of await store.query<LicenceRow>(
		`SELECT merchantId, districtId, licenceId, kind, number, scope, authority,
		        toString(validFrom) AS validFrom, toString(validTo) AS validTo, revoked, sourceEventId,
		        attachmentIds
		 FROM licences FINAL`
	)) {
		const { merchantId, districtId, revoked, ...l } = r;
		merchants
			.ensure(merchantId, districtId)
			.licences.set(l.licenceId, { ...l, revoked: revoked === 1 });
	}

	for (const r of await store.query<
		Omit<StaffRecord, 'removed'> & { merchantId: string; districtId: string; removed: number }
	>(
		`SELECT merchantId, districtId, staffId, name, position, certNumber,
		        toString(certValidFrom) AS certValidFrom, toString(certValidTo) AS certValidTo, removed
		 FROM staff FINAL`
	)) {
		const { merchantId, districtId, removed, ...rest } = r;
		merchants
			.ensure(merchantId, districtId)
			.staff.set(rest.staffId, { ...rest, removed: removed === 1 });
	}

	for (const r of await store.query<{ merchantId: string; districtId: string; at: string }>(
		`SELECT merchantId, any(districtId) AS districtId,
		        formatDateTime(max(occurredAt), '%Y-%m-%dT%H:%i:%S.%fZ') AS at
		 FROM events
		 WHERE type = 'ledger.morning_check.recorded' AND occurredAt >= now() - INTERVAL 3 DAY
		 GROUP BY merchantId`
	)) {
		merchants.ensure(r.merchantId, r.districtId).lastMorningCheckAt = r.at;
	}
	await loadLedgerTrails(store, merchants, timeZone);
	await loadComplaints(store, merchants);
	await loadInspections(store, merchants);
	await loadCameras(store, merchants);

	for (const r of await store.query<
		Omit<DisputeRecord, 'answeredAt' | 'closedAt'> & {
			merchantId: string;
			districtId: string;
			answeredAt: string | null;
		}
	>(
		`SELECT merchantId, districtId, disputeId, entryId, entryType,
		        formatDateTime(entryAt, '%Y-%m-%dT%H:%i:%S.%fZ') AS entryAt, status, reason, raisedBy,
		        formatDateTime(raisedAt, '%Y-%m-%dT%H:%i:%S.%fZ') AS raisedAt, answer, answeredBy,
		        if(isNull(answeredAt), NULL, formatDateTime(assumeNotNull(answeredAt), '%Y-%m-%dT%H:%i:%S.%fZ')) AS answeredAt,
		        outcome, closingNote, closedBy
		 FROM ledger_disputes FINAL WHERE status != 'closed'`
	)) {
		const { merchantId, districtId, ...d } = r;
		merchants.ensure(merchantId, districtId).disputes.set(d.disputeId, { ...d, closedAt: null });
	}

	for (const r of await store.query<{
		merchantId: string;
		districtId: string;
		lotId: string;
		expiresOn: string;
	}>(
		`SELECT merchantId, districtId, lotId, toString(expiresOn) AS expiresOn FROM lots FINAL
		 WHERE receivedAt >= now() - INTERVAL 180 DAY ORDER BY receivedAt`
	)) {
		rememberLot(merchants.ensure(r.merchantId, r.districtId), r.lotId, r.expiresOn);
	}

	const open = await loadAlerts(store, merchants, log);
	const recentAlerts = new Map<string, Alert[]>();
	for (const a of open) {
		for (const room of live.roomsOf(a.districtId)) {
			room.totals.openAlerts[a.severity]++;
			const list = recentAlerts.get(room.room) ?? [];
			if (list.length < 50) list.push(a);
			recentAlerts.set(room.room, list);
		}
	}

	const todays = await store.query<{ districtId: string; family: string; n: number }>(
		`SELECT districtId, family, sum(events) AS n FROM events_per_minute
		 WHERE minute >= toStartOfDay(now(), {tz:String}) GROUP BY districtId, family`,
		{ tz: timeZone }
	);
	for (const r of todays) {
		for (const room of live.roomsOf(r.districtId)) {
			room.totals.events += r.n;
			room.totals.byFamily[r.family] = (room.totals.byFamily[r.family] ?? 0) + r.n;
		}
	}
	const minutes = await store.query<{ districtId: string; minute: number; n: number }>(
		`SELECT districtId, toUnixTimestamp(minute) * 1000 AS minute, sum(events) AS n FROM events_per_minute
		 WHERE minute >= now() - INTERVAL 60 MINUTE GROUP BY districtId, minute`
	);
	const cityMinutes = new Map<number, number>();
	for (const r of minutes) {
		live.roomsOf(r.districtId)[1]?.loadMinute(r.minute, r.n);
		cityMinutes.set(r.minute, (cityMinutes.get(r.minute) ?? 0) + r.n);
	}
	for (const [m, n] of cityMinutes) live.room('city').loadMinute(m, n);

	const feed = await store.query<FeedItem>(
		`SELECT toString(id) AS id, type, merchantId, districtId,
		        formatDateTime(occurredAt, '%Y-%m-%dT%H:%i:%S.%fZ') AS occurredAt,
		        formatDateTime(recordedAt, '%Y-%m-%dT%H:%i:%S.%fZ') AS recordedAt
		 FROM events WHERE events.occurredAt >= now() - INTERVAL 1 HOUR ORDER BY events.occurredAt DESC LIMIT 50`
	);
	for (const room of live.rooms()) {
		const district = room.room.startsWith('district:') ? room.room.slice(9) : null;
		room.loadRecent(
			recentAlerts.get(room.room) ?? [],
			district ? feed.filter((f) => f.districtId === district) : feed
		);
	}
	live.setMerchantCounts(merchants.registeredCounts());
	return { merchants: merchants.size, unackedStored: stored.length, openAlerts: open.length };
}

import { iso } from '../../clickhouse/sql';
import type { Store } from '../../clickhouse/store';
import {
	CHECK_DAYS_KEPT,
	noteDisinfection,
	noteLedgerEntry,
	noteSample
} from '../../src/lib/domain/rules/ledger-trail';
import type { MerchantStates } from './merchant-state';

/**
 * Rebuilds what apply-ledger.ts keeps from the events table: when each merchant became known,
 * recent tableware disinfections and samples, the morning checks of the last few days (were
 * all temperatures identical?) and the ledger entries recorded in the last hour. Bounded per
 * merchant like the live state (LIMIT … BY).
 */
export async function loadLedgerTrails(
	store: Store,
	merchants: MerchantStates,
	timeZone: string
): Promise<void> {
	type Row = { merchantId: string; districtId: string };

	for (const r of await store.query<Row & { at: string }>(
		`SELECT merchantId, any(districtId) AS districtId, ${iso('min(recordedAt)')} AS at
		 FROM events WHERE type = 'merchant.registered' GROUP BY merchantId`
	)) {
		merchants.ensure(r.merchantId, r.districtId).knownSince = r.at;
	}

	for (const r of await store.query<Row & { at: string }>(
		`SELECT merchantId, districtId, JSONExtractString(payload, 'endedAt') AS at FROM events
		 WHERE type = 'ledger.disinfection.recorded' AND occurredAt >= now() - INTERVAL 2 DAY
		   AND JSONExtractString(payload, 'target') = 'tableware'
		 ORDER BY merchantId, occurredAt DESC LIMIT 96 BY merchantId`
	)) {
		noteDisinfection(merchants.ensure(r.merchantId, r.districtId).ledgerTrail, Date.parse(r.at));
	}

	for (const r of await store.query<Row & { meal: string; at: string }>(
		`SELECT merchantId, districtId, JSONExtractString(payload, 'meal') AS meal,
		        JSONExtractString(payload, 'storedAt') AS at FROM events
		 WHERE type = 'ledger.sample_retention.recorded' AND occurredAt >= now() - INTERVAL 2 DAY
		 ORDER BY merchantId, occurredAt DESC LIMIT 96 BY merchantId`
	)) {
		noteSample(merchants.ensure(r.merchantId, r.districtId).ledgerTrail, r.meal, Date.parse(r.at));
	}

	// The same judgement as identicalTemperature() and noteMorningCheck(), per local day in SQL
	// (a busy district has too many checks to carry them all to JavaScript): a day is uniform
	// when every check of it had ≥2 present, all with the very same temperature.
	for (const r of await store.query<
		Row & { day: string; uniform: number; temperatureC: number; staff: number; eventId: string }
	>(
		`SELECT merchantId, any(districtId) AS districtId, toString(toDate(occurredAt, {tz:String})) AS day,
		        min(isUniform) AS uniform,
		        argMax(temps[1], (isUniform, occurredAt)) AS temperatureC,
		        argMax(length(present), (isUniform, occurredAt)) AS staff,
		        toString(argMax(id, (isUniform, occurredAt))) AS eventId
		 FROM (
		   SELECT merchantId, districtId, occurredAt, id,
		          arrayFilter(x -> JSONExtractBool(x, 'present'), JSONExtractArrayRaw(payload, 'entries')) AS present,
		          arrayMap(x -> JSONExtractFloat(x, 'temperatureC'), present) AS temps,
		          length(present) >= 2 AND arrayAll(x -> JSONHas(x, 'temperatureC'), present)
		            AND arrayAll(t -> t = temps[1], temps) AS isUniform
		   FROM events
		   WHERE type = 'ledger.morning_check.recorded'
		     AND occurredAt >= now() - INTERVAL {days:UInt32} DAY
		 )
		 GROUP BY merchantId, day ORDER BY merchantId, day DESC LIMIT {days:UInt32} BY merchantId`,
		{ tz: timeZone, days: CHECK_DAYS_KEPT }
	)) {
		merchants.ensure(r.merchantId, r.districtId).ledgerTrail.checkDays.set(r.day, {
			uniform: r.uniform === 1,
			// Only a uniform day's temperature is ever shown (the alert's facts).
			temperatureC: r.uniform === 1 ? r.temperatureC : null,
			staff: r.staff,
			eventId: r.eventId
		});
	}

	for (const r of await store.query<Row & { id: string; recordedAt: string; occurredAt: string }>(
		`SELECT merchantId, districtId, toString(id) AS id, ${iso('recordedAt')} AS recordedAt,
		        ${iso('occurredAt')} AS occurredAt FROM events
		 WHERE family = 'ledger' AND endsWith(type, '.recorded')
		   AND events.recordedAt >= now() - INTERVAL 1 HOUR
		 ORDER BY events.recordedAt`
	)) {
		noteLedgerEntry(merchants.ensure(r.merchantId, r.districtId).ledgerTrail, {
			recordedAt: Date.parse(r.recordedAt),
			occurredAt: Date.parse(r.occurredAt),
			eventId: r.id
		});
	}
}

import type { Store } from '../../clickhouse/store';
import type { ReadScope } from '../../src/lib/domain/auth/policy';
import type { DayWindow } from '../../src/lib/domain/ledgers/ledger-query';
import { KINDS, owes } from '../../clickhouse/ledger-sql';
import { iso } from './read.queries';

/** Districts a reader may see, as SQL over a `districtId` column, with its bound values. */
function districtScope(scope: ReadScope, district?: string) {
	const parts: string[] = [];
	if (!scope.all) parts.push('districtId IN {scopeDistricts:Array(String)}');
	if (district) parts.push('districtId = {district:String}');
	return {
		sql: parts.join(' AND ') || '1',
		params: { scopeDistricts: scope.all ? [] : scope.districts, district: district ?? '' }
	};
}

export function ledgerQueries(store: Store, timeZone: string) {
	return {
		/**
		 * Completeness per district, day and kind: merchants that owe the book and kept it, of
		 * those that owe it (operating, by business type and scale as registered now, counted from
		 * the day they were registered: `owed` comes per registration day, '' when unknown). Reads
		 * the rollup, so 100,000 merchants × 30 days is a few thousand rows.
		 */
		async completeness(w: DayWindow, scope: ReadScope) {
			const s = districtScope(scope, w.district);
			const [days, owed] = await Promise.all([
				store.query<{
					districtId: string;
					day: string;
					kind: string;
					kept: number;
					entries: number;
					late: number;
				}>(
					`SELECT districtId, toString(day) AS day, kind,
					        toUInt32(uniqIfMerge(kept)) AS kept,
					        toUInt32(uniqMerge(entries)) AS entries, toUInt32(uniqIfMerge(lateEntries)) AS late
					 FROM ledger_district_days
					 WHERE ledger_district_days.day BETWEEN {from:Date} AND {to:Date} AND ${s.sql}
					 GROUP BY districtId, day, kind ORDER BY districtId, day, kind`,
					{ ...s.params, from: w.from, to: w.to }
				),
				store.query<{ districtId: string; kind: string; since: string; owed: number }>(
					`SELECT districtId, kind,
					        if(isNull(registeredAt), '', toString(toDate(assumeNotNull(registeredAt), {tz:String}))) AS since,
					        toUInt32(count()) AS owed
					 FROM merchants FINAL
					 ARRAY JOIN ${KINDS} AS kind
					 WHERE status = 'operating' AND ${owes('kind', 'businessType', 'scale')}
					   AND ${s.sql}
					 GROUP BY districtId, kind, since`,
					{ ...s.params, tz: timeZone }
				)
			]);
			return { from: w.from, to: w.to, days, owed };
		},

		/**
		 * Merchants of a district by their completeness over the window, worst first: kept
		 * (day, kind) pairs of the books they owe, against owed kinds × the window's days since
		 * each was registered. Pass finished days only: today's books are not missing yet.
		 */
		async merchantCompleteness(
			w: DayWindow & { district: string },
			scope: ReadScope,
			limit: number
		) {
			const s = districtScope(scope, w.district);
			const items = await store.query(
				`SELECT m.id AS id, m.name AS name, m.businessType AS businessType,
				        toUInt32(arrayCount(k -> ${owes('k', 'm.businessType', 'm.scale')}, ${KINDS})) AS owedKinds,
				        toUInt32(least(ifNull(e.kept, 0), owed)) AS kept, toUInt32(ifNull(e.late, 0)) AS late,
				        toUInt32(owedKinds * greatest(0, dateDiff('day', greatest({from:Date}, m.since), {to:Date}) + 1)) AS owed
				 FROM (SELECT id, name, businessType, scale,
				              ifNull(toDate(registeredAt, {tz:String}), toDate('1970-01-01')) AS since
				       FROM merchants FINAL
				       WHERE status = 'operating' AND ${s.sql}) AS m
				 LEFT JOIN (
				   SELECT merchantId,
				          uniqExactIf((day, kind), owed = 1) AS kept,
				          countIf(late = 1) AS late
				   FROM ledger_entries
				   WHERE ${s.sql} AND day BETWEEN {from:Date} AND {to:Date}
				   GROUP BY merchantId) AS e ON e.merchantId = m.id
				 WHERE owed > 0
				 ORDER BY kept / owed ASC, m.id LIMIT {limit:UInt32}`,
				{ ...s.params, from: w.from, to: w.to, limit, tz: timeZone }
			);
			return { from: w.from, to: w.to, items };
		},

		/** One merchant's calendar: entries and late entries per day and kind. */
		async merchantCalendar(merchantId: string, districtId: string, w: DayWindow) {
			const rows = await store.query<{ day: string; kind: string; entries: number; late: number }>(
				`SELECT toString(day) AS day, kind, toUInt32(uniqExact(eventId)) AS entries,
				        toUInt32(uniqExactIf(eventId, late = 1)) AS late
				 FROM ledger_entries
				 WHERE districtId = {districtId:String} AND merchantId = {merchantId:String}
				   AND ledger_entries.day BETWEEN {from:Date} AND {to:Date}
				 GROUP BY day, kind ORDER BY day, kind`,
				{ merchantId, districtId, from: w.from, to: w.to }
			);
			return { from: w.from, to: w.to, rows };
		},

		/** A merchant's disputes, newest first (open ones and their history). */
		async disputes(merchantId: string) {
			const items = await store.query(
				`SELECT disputeId, entryId, entryType, ${iso('entryAt')} AS entryAt, status, reason, raisedBy, ${iso('raisedAt')} AS raisedAt,
				        answer, answeredBy,
				        if(isNull(answeredAt), NULL, ${iso('assumeNotNull(answeredAt)')}) AS answeredAt,
				        outcome, closingNote, closedBy,
				        if(isNull(closedAt), NULL, ${iso('assumeNotNull(closedAt)')}) AS closedAt
				 FROM ledger_disputes FINAL WHERE merchantId = {merchantId:String}
				 ORDER BY ledger_disputes.raisedAt DESC LIMIT 200`,
				{ merchantId }
			);
			return { items };
		}
	};
}
export type LedgerQueries = ReturnType<typeof ledgerQueries>;

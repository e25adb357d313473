import type { Store } from '../../clickhouse/store';
import type { ReadScope } from '../../src/lib/domain/auth/policy';
import { alertWhere } from './alert.queries';

/** A district filter over `districtId`, within the scope, and its bound values. */
function inScope(scope: ReadScope, district: string | undefined) {
	const parts: string[] = [];
	if (!scope.all) parts.push('districtId IN {scopeDistricts:Array(String)}');
	if (district) parts.push('districtId = {district:String}');
	return {
		sql: parts.join(' AND ') || '1',
		params: { scopeDistricts: scope.all ? [] : scope.districts, district: district ?? '' }
	};
}

/**
 * The wall's reads from the store: what the processor does not keep in memory (alert days,
 * inspections, the minute series). Each reads a rollup or a day's partition, never the whole
 * event table.
 */
export function commandQueries(store: Store, timeZone: string) {
	return {
		/** Alerts raised and closed per local day from `from`, within the scope. */
		async alertDays(scope: ReadScope, district: string | undefined, from: string) {
			const where = alertWhere({ district }, scope);
			const and = where ? `${where} AND` : 'WHERE';
			const params = {
				scopeDistricts: scope.all ? [] : scope.districts,
				scopeMerchants: scope.all ? [] : scope.merchants,
				district: district ?? '',
				tz: timeZone,
				from
			};
			const [raised, closed] = await Promise.all([
				store.query<{ day: string; n: number }>(
					`SELECT toString(toDate(alerts.raisedAt, {tz:String})) AS day, toUInt32(count()) AS n
					 FROM alerts FINAL ${and} toDate(alerts.raisedAt, {tz:String}) >= toDate({from:String})
					 GROUP BY day`,
					params
				),
				store.query<{ day: string; n: number }>(
					`SELECT toString(toDate(alerts.updatedAt, {tz:String})) AS day, toUInt32(count()) AS n
					 FROM alerts FINAL ${and} status = 'closed'
					   AND toDate(alerts.updatedAt, {tz:String}) >= toDate({from:String})
					 GROUP BY day`,
					params
				)
			]);
			return { raised, closed };
		},

		/** Inspections finished today (local day), and how many failed. */
		async inspectionsOn(scope: ReadScope, district: string | undefined, day: string) {
			const s = inScope(scope, district);
			const [row] = await store.query<{ n: number; failed: number }>(
				`SELECT toUInt32(count()) AS n, toUInt32(countIf(result = 'fail')) AS failed
				 FROM inspections FINAL
				 WHERE toDate(inspections.occurredAt, {tz:String}) = toDate({day:String}) AND ${s.sql}`,
				{ ...s.params, tz: timeZone, day }
			);
			return { n: row?.n ?? 0, failed: row?.failed ?? 0 };
		},

		/** Events per minute and family since `sinceMs` (the rollup, by when they happened). */
		async minutes(scope: ReadScope, district: string | undefined, sinceMs: number) {
			const s = inScope(scope, district);
			return store.query<{ minute: number; family: string; n: number }>(
				`SELECT toUInt64(toUnixTimestamp(minute)) * 1000 AS minute, family,
				        toUInt32(sum(events)) AS n
				 FROM events_per_minute
				 WHERE minute >= toDateTime(intDiv({since:Int64}, 1000), 'UTC') AND ${s.sql}
				 GROUP BY minute, family ORDER BY minute`,
				{ ...s.params, since: sinceMs }
			);
		},

		/** Complaints filed today (local day), from the minute rollup. */
		async complaintsOn(scope: ReadScope, district: string | undefined, day: string) {
			const s = inScope(scope, district);
			const [row] = await store.query<{ n: number }>(
				`SELECT toUInt32(sum(events)) AS n FROM events_per_minute
				 WHERE family = 'complaint' AND toDate(minute, {tz:String}) = toDate({day:String})
				   AND ${s.sql}`,
				{ ...s.params, tz: timeZone, day }
			);
			return row?.n ?? 0;
		}
	};
}
export type CommandQueries = ReturnType<typeof commandQueries>;

import type { Store } from '../../clickhouse/store';
import type { ReadScope } from '../../src/lib/domain/auth/policy';
import type { ListQuery } from './params';

/** A list query with the reader's scope, which every query applies on the server. */
export type ScopedQuery = Partial<ListQuery> & { scope: ReadScope };

/** ISO-8601 UTC text for a DateTime64 column, as the domain schemas expect. */
import { iso } from '../../clickhouse/sql';
export { iso };

/** An alert still to be handled: what the map counts per merchant. */
const ACTIVE_ALERT = `status NOT IN ('closed', 'dismissed')`;

const MERCHANT_COLUMNS = `id, name, districtId, businessType, scale, status, address, lon, lat, ${iso('updatedAt')} AS updatedAt`;

/** Filters are fixed SQL text; the values are always bound parameters (see `bind`). */
export function filters(
	q: ScopedQuery,
	columns: {
		district: string;
		merchant: string;
		name?: string;
		actor?: string;
		type?: string;
		time?: string;
	}
): string {
	const parts: string[] = [];
	if (!q.scope.all) {
		parts.push(
			`(${columns.district} IN {scopeDistricts:Array(String)} OR ${columns.merchant} IN {scopeMerchants:Array(String)})`
		);
	}
	if (q.district) parts.push(`${columns.district} = {district:String}`);
	if (q.merchantId) parts.push(`${columns.merchant} = {merchantId:String}`);
	if (q.actor && columns.actor) parts.push(`${columns.actor} = {actor:String}`);
	if (q.type && columns.type) parts.push(`${columns.type} = {type:String}`);
	if (q.since && columns.time) {
		parts.push(`${columns.time} >= parseDateTime64BestEffort({since:String}, 3)`);
	}
	if (q.until && columns.time) {
		parts.push(`${columns.time} < parseDateTime64BestEffort({until:String}, 3)`);
	}
	if (q.q && columns.name) {
		parts.push(`positionCaseInsensitiveUTF8(${columns.name}, {q:String}) > 0`);
	}
	return parts.length ? `WHERE ${parts.join(' AND ')}` : '';
}

/** The bound parameters of a scoped query: plain values only. */
export function bind(q: ScopedQuery): Record<string, unknown> {
	const { scope, ...rest } = q;
	return {
		...rest,
		scopeDistricts: scope.all ? [] : scope.districts,
		scopeMerchants: scope.all ? [] : scope.merchants
	};
}

/** `timeZone`: the districts' clock, for "expired today". */
export function readQueries(store: Store, timeZone: string) {
	return {
		async merchants(q: ScopedQuery & ListQuery) {
			const where = filters(q, { district: 'districtId', merchant: 'id', name: 'name' });
			const [items, total] = await Promise.all([
				store.query(
					`SELECT ${MERCHANT_COLUMNS} FROM merchants FINAL ${where} ORDER BY id LIMIT {limit:UInt32} OFFSET {offset:UInt32}`,
					bind(q)
				),
				store.query<{ n: number }>(`SELECT count() AS n FROM merchants FINAL ${where}`, bind(q))
			]);
			return { items, total: total[0]?.n ?? 0 };
		},

		/** The map's rows (see the domain's `merchantPoints`): grade and open alerts joined in. */
		async merchantPoints(q: ScopedQuery) {
			type Row = [string, number, number, string, string, string | null, number, string];
			const where = filters(q, { district: 'm.districtId', merchant: 'm.id' });
			const rows = await store.query<{ r: Row }>(
				`SELECT (m.id, m.lon, m.lat, m.districtId, m.businessType,
				         if(g.merchantId = '', NULL, g.grade), toUInt32(a.n), m.name) AS r
				 FROM merchants AS m FINAL
				 LEFT JOIN (SELECT merchantId, grade FROM risk_current FINAL) AS g ON g.merchantId = m.id
				 LEFT JOIN (SELECT merchantId, count() AS n FROM alerts FINAL
				            WHERE ${ACTIVE_ALERT} GROUP BY merchantId) AS a ON a.merchantId = m.id
				 ${where} ORDER BY m.id`,
				bind(q)
			);
			return { rows: rows.map((x) => x.r) };
		},

		/**
		 * One merchant with its licences, within the scope: a merchant outside it answers exactly
		 * like one that does not exist (same query, same time), so existence is not disclosed.
		 */
		async merchant(id: string, scope: ReadScope) {
			const q: ScopedQuery = { scope, merchantId: id };
			const [m] = await store.query<Record<string, unknown> & { districtId: string }>(
				`SELECT ${MERCHANT_COLUMNS}, creditCode,
				        if(isNull(registeredAt), NULL, ${iso('assumeNotNull(registeredAt)')}) AS registeredAt
				 FROM merchants FINAL
				 ${filters(q, { district: 'districtId', merchant: 'id' })}`,
				bind(q)
			);
			if (!m) return null;
			const licences = await store.query(
				`SELECT licenceId, kind, number, toString(validFrom) AS validFrom, toString(validTo) AS validTo,
				        multiIf(revoked = 1, 'revoked', licences.validTo < toDate(now(), {tz:String}), 'expired', 'valid') AS status
				 FROM licences FINAL WHERE merchantId = {id:String} ORDER BY licences.validTo DESC`,
				{ id, tz: timeZone }
			);
			return { ...m, licences };
		},

		/** The merchant's district if it is in the scope, else null (as if it did not exist). */
		async merchantInScope(id: string, scope: ReadScope): Promise<string | null> {
			const q: ScopedQuery = { scope, merchantId: id };
			const [m] = await store.query<{ districtId: string }>(
				`SELECT districtId FROM merchants FINAL ${filters(q, { district: 'districtId', merchant: 'id' })}`,
				bind(q)
			);
			return m?.districtId ?? null;
		},

		/**
		 * Registered merchants with these credit codes, in any district (the route decides what the
		 * importer learns of those outside its scope), with their licence numbers and staff names so
		 * that a re-import updates them rather than adding copies.
		 */
		async merchantsByCreditCode(codes: string[]) {
			const merchants = await store.query<{
				id: string;
				districtId: string;
				name: string;
				creditCode: string;
			}>(
				`SELECT id, districtId, name, creditCode FROM merchants FINAL
				 WHERE creditCode IN {codes:Array(String)} ORDER BY id`,
				{ codes }
			);
			const ids = merchants.map((m) => m.id);
			if (!ids.length) return { merchants, licences: [], staff: [] };
			const [licences, staff] = await Promise.all([
				store.query<{ merchantId: string; licenceId: string; number: string }>(
					`SELECT merchantId, licenceId, number FROM licences FINAL WHERE merchantId IN {ids:Array(String)}`,
					{ ids }
				),
				store.query<{ merchantId: string; staffId: string; name: string }>(
					`SELECT merchantId, staffId, name FROM staff FINAL
					 WHERE merchantId IN {ids:Array(String)} AND removed = 0`,
					{ ids }
				)
			]);
			return { merchants, licences, staff };
		},

		/** The roster (people still working there), with their health certificates. */
		async staff(merchantId: string) {
			const items = await store.query(
				`SELECT staffId, name, position, certNumber,
				        toString(certValidFrom) AS certValidFrom, toString(certValidTo) AS certValidTo
				 FROM staff FINAL WHERE merchantId = {merchantId:String} AND removed = 0
				 ORDER BY position = 'manager' DESC, name`,
				{ merchantId }
			);
			return { items };
		},

		/** One merchant's ledger entries of one day on the districts' clock, per kind. */
		async ledgerDay(merchantId: string, day: string) {
			const kinds = await store.query<{ type: string; count: number; last: string }>(
				`SELECT type, toUInt32(count()) AS count, ${iso('max(occurredAt)')} AS last
				 FROM events
				 WHERE merchantId = {merchantId:String} AND startsWith(type, 'ledger.')
				   AND toDate(occurredAt, {tz:String}) = {day:Date}
				 GROUP BY type`,
				{ merchantId, day, tz: timeZone }
			);
			return { day, kinds };
		},

		async events(q: ScopedQuery & ListQuery) {
			const rows = await store.query<Record<string, unknown>>(
				`SELECT toString(id) AS id, type, ${iso('occurredAt')} AS occurredAt, ${iso('recordedAt')} AS recordedAt,
				        merchantId, districtId, actorKind, actorId, payload
				 FROM events ${filters(q, { district: 'districtId', merchant: 'merchantId', actor: 'actorId', type: 'type', time: 'events.occurredAt' })}
				 ORDER BY events.occurredAt DESC LIMIT {limit:UInt32} OFFSET {offset:UInt32}`,
				bind(q)
			);
			return {
				items: rows.map((r) => ({ ...r, payload: JSON.parse(String(r.payload)) as unknown }))
			};
		},

		/** Rows in the events table and distinct ids among them: equal unless something doubled. */
		async stats() {
			const [r] = await store.query<{ rows: number; ids: number }>(
				'SELECT count() AS rows, uniqExact(id) AS ids FROM events'
			);
			return { rows: r?.rows ?? 0, distinctIds: r?.ids ?? 0 };
		},

		async eventCount(): Promise<number> {
			const [r] = await store.query<{ n: number }>('SELECT count() AS n FROM events');
			return r?.n ?? 0;
		}
	};
}

export type ReadQueries = ReturnType<typeof readQueries>;

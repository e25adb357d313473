import type { Store } from '../../clickhouse/store';
import type { ReadScope } from '../../src/lib/domain/auth/policy';
import type { SupplierLot } from '../../src/lib/domain/events/recall';
import type {
	BackwardTrace,
	ForwardTrace,
	SupplierBatches,
	SupplierChoices
} from '../../src/lib/domain/trace/contracts';
import { totalsOf } from '../../src/lib/domain/trace/lot-balance';
import {
	matchesSupplierLot,
	supplierLotCondition,
	supplierLotOf,
	supplierLotParams
} from '../../src/lib/domain/trace/supplier-lot';
import { iso } from '../../clickhouse/sql';
import { lotAccounts } from './lot-accounts.queries';

/** A reader's scope on a table with merchantId and districtId columns (values bound). */
export function scopeCondition(scope: ReadScope, table: string): string {
	return scope.all
		? '1'
		: `(${table}.districtId IN {scopeDistricts:Array(String)} OR ${table}.merchantId IN {scopeMerchants:Array(String)})`;
}
export const scopeParams = (scope: ReadScope) => ({
	scopeDistricts: scope.all ? [] : scope.districts,
	scopeMerchants: scope.all ? [] : scope.merchants
});

/** A sale-line page's position: the table's own key, so a page is one key range on. */
type Cursor = [lotId: string, merchantId: string, soldAt: string, eventId: string, lineNo: number];
const SALES_PAGE = 500;

export function encodeCursor(c: Cursor): string {
	return Buffer.from(JSON.stringify(c)).toString('base64url');
}
export function decodeCursor(text: string | undefined): Cursor | null {
	if (!text) return null;
	try {
		const c = JSON.parse(Buffer.from(text, 'base64url').toString()) as unknown;
		if (
			Array.isArray(c) &&
			c.length === 5 &&
			c.slice(0, 4).every((x) => typeof x === 'string') &&
			Number.isInteger(c[4])
		) {
			return c as Cursor;
		}
	} catch {
		// falls through: a cursor that is not ours
	}
	return null;
}

export function traceQueries(store: Store, timeZone: string) {
	return {
		/**
		 * The suppliers shops in the scope received goods from, the most widely delivering first;
		 * with `q`, those whose name contains it or whose id is it. Names come from the intake
		 * (the latest one a supplier's goods carried).
		 */
		async supplierChoices(
			q: string | undefined,
			scope: ReadScope,
			limit: number
		): Promise<SupplierChoices> {
			// The alias is not `supplierName`: ClickHouse would read it in WHERE as the aggregate.
			const rows = await store.query<{
				supplierId: string;
				latestName: string;
				merchants: number;
			}>(
				`SELECT supplierId, argMax(supplierName, receivedAt) AS latestName,
				        uniqExact(merchantId) AS merchants
				 FROM lots
				 WHERE ${scopeCondition(scope, 'lots')}
				   AND ({q:String} = '' OR supplierId = {q:String}
				        OR positionCaseInsensitiveUTF8(supplierName, {q:String}) > 0)
				 GROUP BY supplierId
				 ORDER BY merchants DESC, latestName, supplierId
				 LIMIT {limit:UInt32}`,
				{ q: q ?? '', limit, ...scopeParams(scope) }
			);
			return {
				items: rows.map((r) => ({
					supplierId: r.supplierId,
					supplierName: r.latestName,
					merchants: Number(r.merchants)
				}))
			};
		},

		/**
		 * A supplier's batches in the scope, the latest delivered first: one line per batch
		 * number, or per product and production date for goods without one (supplierLotOf). No
		 * alias is a column's name: ClickHouse would read the column in GROUP BY as the aggregate.
		 */
		async supplierBatches(
			supplierId: string,
			scope: ReadScope,
			limit: number
		): Promise<SupplierBatches> {
			const rows = await store.query<{
				batchNo: string;
				anySku: string;
				firstProduced: string;
				productNames: string[];
				merchants: number;
				received: number;
				latestUnit: string;
				lastReceivedMs: number;
				latestName: string;
			}>(
				`SELECT batchNo, if(batchNo = '', sku, '') AS skuKey, any(sku) AS anySku,
				        toString(if(batchNo = '', productionDate, toDate(0))) AS dateKey,
				        toString(min(productionDate)) AS firstProduced,
				        arraySort(groupUniqArray(5)(productName)) AS productNames,
				        uniqExact(merchantId) AS merchants, sum(quantity) AS received,
				        argMax(unit, receivedAt) AS latestUnit, toUnixTimestamp64Milli(max(receivedAt)) AS lastReceivedMs,
				        argMax(supplierName, receivedAt) AS latestName
				 FROM lots FINAL
				 WHERE supplierId = {supplierId:String} AND ${scopeCondition(scope, 'lots')}
				 GROUP BY batchNo, skuKey, dateKey
				 ORDER BY max(receivedAt) DESC, batchNo, skuKey, dateKey
				 LIMIT {limit:UInt32}`,
				{ supplierId, limit: limit + 1, ...scopeParams(scope) }
			);
			const kept = rows.slice(0, limit);
			return {
				supplierId,
				supplierName: kept[0]?.latestName ?? '',
				items: kept.map((r) => ({
					lot: supplierLotOf({
						supplierId,
						batchNo: r.batchNo,
						sku: r.anySku,
						productionDate: r.firstProduced
					}),
					productNames: r.productNames,
					productionDate: r.firstProduced,
					merchants: Number(r.merchants),
					received: Number(r.received),
					unit: r.latestUnit,
					lastReceivedAt: new Date(Number(r.lastReceivedMs)).toISOString()
				})),
				truncated: rows.length > limit
			};
		},

		/** Every lot of a supplier lot in the scope, its merchants, and the totals. */
		async forwardTrace(lot: SupplierLot, scope: ReadScope, limit: number): Promise<ForwardTrace> {
			const accounts = await lotAccounts(store, {
				where: `${supplierLotCondition(lot)} AND ${scopeCondition(scope, 'lots')}`,
				params: { ...supplierLotParams(lot), ...scopeParams(scope) }
			});
			const merchants = new Set(accounts.map((a) => a.merchantId));
			return {
				lot,
				merchants: merchants.size,
				totals: totalsOf(accounts),
				items: accounts.slice(0, limit),
				truncated: accounts.length > limit
			};
		},

		/** The sale lines of a supplier lot in the scope, in key order, a page at a time. */
		async forwardSales(lot: SupplierLot, scope: ReadScope, after: string | undefined) {
			const from = decodeCursor(after) ?? ['', '', '1970-01-01T00:00:00.000Z', '', 0];
			const lots = `SELECT merchantId, lotId FROM lots FINAL
			              WHERE ${supplierLotCondition(lot)} AND ${scopeCondition(scope, 'lots')}`;
			const rows = await store.query<{
				merchantId: string;
				lotId: string;
				orderId: string;
				soldAtIso: string;
				quantity: number;
				memberId: string;
				eventId: string;
				lineNo: number;
			}>(
				`SELECT merchantId, lotId, orderId, ${iso('soldAt')} AS soldAtIso, quantity, memberId, eventId, lineNo
				 FROM sale_lines FINAL
				 WHERE lotId IN (SELECT lotId FROM (${lots}))
				   AND (merchantId, lotId) IN (${lots})
				   AND (lotId, merchantId, soldAt, eventId, lineNo) >
				       ({aLot:String}, {aMerchant:String}, parseDateTime64BestEffort({aSoldAt:String}, 3, 'UTC'),
				        {aEvent:String}, {aLine:UInt16})
				 ORDER BY lotId, merchantId, soldAt, eventId, lineNo
				 LIMIT ${SALES_PAGE + 1}`,
				{
					...supplierLotParams(lot),
					...scopeParams(scope),
					aLot: from[0],
					aMerchant: from[1],
					aSoldAt: from[2],
					aEvent: from[3],
					aLine: from[4]
				}
			);
			const page = rows.slice(0, SALES_PAGE);
			const last = page.at(-1);
			return {
				items: page.map((r) => ({
					merchantId: r.merchantId,
					lotId: r.lotId,
					orderId: r.orderId,
					soldAt: r.soldAtIso,
					quantity: Number(r.quantity),
					memberId: r.memberId === '' ? null : r.memberId
				})),
				next:
					rows.length > SALES_PAGE && last
						? encodeCursor([last.lotId, last.merchantId, last.soldAtIso, last.eventId, last.lineNo])
						: null
			};
		},

		/**
		 * From a shop and a window of days (on the districts' clock): the lots it sold from or
		 * received in the window, their suppliers, and the other shops in the scope that received
		 * the same supplier lots.
		 */
		async backwardTrace(
			merchantId: string,
			window: { from: string; to: string },
			scope: ReadScope
		): Promise<BackwardTrace> {
			const inWindow = (col: string) =>
				`toDate(${col}, {tz:String}) BETWEEN {from:Date} AND {to:Date}`;
			const params = { merchantId, ...window, tz: timeZone };
			// The shop's sale lines, found by its lots: sale_lines is ordered by lot, so this reads
			// a few granules where a filter on merchantId alone scans the table's bloom index.
			const shopLines = `lotId IN (SELECT lotId FROM lots WHERE merchantId = {merchantId:String})
			                   AND merchantId = {merchantId:String} AND ${inWindow('soldAt')}`;
			const [accounts, sold] = await Promise.all([
				lotAccounts(store, {
					where: `lots.merchantId = {merchantId:String} AND (${inWindow('lots.receivedAt')} OR lots.lotId IN
					        (SELECT lotId FROM sale_lines WHERE ${shopLines}))`,
					params
				}),
				store.query<{ lotId: string; quantity: number }>(
					`SELECT lotId, sum(quantity) AS quantity FROM sale_lines FINAL
					 WHERE ${shopLines} GROUP BY lotId`,
					params
				)
			]);
			const soldIn = new Map(sold.map((s) => [s.lotId, Number(s.quantity)]));
			const keys = accounts.map((a) => supplierLotOf(a));
			const supplierIds = [...new Set(accounts.map((a) => a.supplierId))].sort();
			const others = supplierIds.length
				? await store.query<{
						merchantId: string;
						merchantName: string;
						districtId: string;
						supplierId: string;
						batchNo: string;
						sku: string;
						productionDate: string;
						quantity: number;
					}>(
						`SELECT lots.merchantId AS merchantId, m.name AS merchantName, lots.districtId AS districtId,
						        supplierId, batchNo, sku, toString(productionDate) AS productionDate, quantity
						 FROM lots FINAL
						 LEFT JOIN (SELECT id, name FROM merchants FINAL) AS m ON m.id = lots.merchantId
						 WHERE lots.supplierId IN {supplierIds:Array(String)} AND lots.merchantId != {merchantId:String}
						   AND ${scopeCondition(scope, 'lots')}`,
						{ supplierIds, merchantId, ...scopeParams(scope) }
					)
				: [];
			return {
				merchantId,
				from: window.from,
				to: window.to,
				lots: accounts.map((a) => ({ ...a, soldInWindow: soldIn.get(a.lotId) ?? 0 })),
				suppliers: supplierIds.map((supplierId) => {
					const mine = keys.filter((k) => k.supplierId === supplierId);
					const byMerchant = new Map<
						string,
						BackwardTrace['suppliers'][number]['otherMerchants'][number]
					>();
					for (const o of others) {
						const lot = { ...o, batchNo: o.batchNo || null };
						if (o.supplierId !== supplierId || !mine.some((k) => matchesSupplierLot(lot, k))) {
							continue;
						}
						const m = byMerchant.get(o.merchantId) ?? {
							merchantId: o.merchantId,
							merchantName: o.merchantName,
							districtId: o.districtId,
							lots: 0,
							received: 0
						};
						m.lots++;
						m.received += Number(o.quantity);
						byMerchant.set(o.merchantId, m);
					}
					return {
						supplierId,
						supplierName: accounts.find((a) => a.supplierId === supplierId)?.supplierName ?? '',
						otherMerchants: [...byMerchant.values()].sort((a, b) =>
							a.merchantId.localeCompare(b.merchantId)
						)
					};
				})
			};
		}
	};
}
export type TraceQueries = ReturnType<typeof traceQueries>;

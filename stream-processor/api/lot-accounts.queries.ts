import type { Store } from '../../clickhouse/store';
import { lotBalance } from '../../src/lib/domain/trace/lot-balance';
import type { LotAccount } from '../../src/lib/domain/trace/contracts';
import { iso } from '../../clickhouse/sql';

/** Which lots, and up to when their movements count (the opening of a recall, else all). */
export interface LotSelection {
	/** Condition on `lots` (fixed text, values bound from `params`). */
	where: string;
	params: Record<string, unknown>;
	/**
	 * A join (alias `r`) that adds a `cutoff` column per lot (a recall's notices), and a
	 * `cutoffKey` naming whose cutoff it is: one lot may be read at several cutoffs at once (the
	 * same lot in several recalls), each an account of its own. None: every movement counts.
	 */
	cutoffJoin?: string;
	limit?: number;
}

const FAR_FUTURE = `toDateTime64('2200-01-01 00:00:00', 3, 'UTC')`;

/**
 * The accounts of the selected lots: what each received, sold, lost and holds. Sales and
 * movements are read by lot id (the tables' key), then matched to their merchant's lot. A count
 * (盘点) is resolved here: the last one before the cutoff resets the lot, later moves apply on
 * top (lotBalance does the arithmetic).
 */
export function lotAccountsSql(sel: LotSelection): string {
	const [cutoff, key] = sel.cutoffJoin ? ['r.cutoff', 'r.cutoffKey'] : [FAR_FUTURE, `''`];
	const perLot = 'merchantId, lotId, cutoffKey';
	return `
	WITH
	l AS (
		SELECT merchantId, lotId, districtId, supplierId, supplierName, sku, productName, batchNo, unit,
		       productionDate, expiresOn, receivedAt, quantity AS received, ${cutoff} AS cutoff,
		       ${key} AS cutoffKey
		FROM lots FINAL ${sel.cutoffJoin ?? ''}
		WHERE ${sel.where}
	),
	c AS (
		SELECT ${perLot}, 1 AS counted_, max(occurredAt) AS countedAt,
		       argMax(quantity, occurredAt) AS counted
		FROM (SELECT merchantId, lotId, occurredAt, quantity FROM stock_movements FINAL
		      WHERE lotId IN (SELECT lotId FROM l) AND kind = 'count') AS x
		INNER JOIN l USING (merchantId, lotId)
		WHERE occurredAt <= cutoff
		GROUP BY ${perLot}
	),
	s AS (
		SELECT ${perLot}, sum(quantity) AS sold, sumIf(quantity, soldAt > countedAt) AS soldAfterCount,
		       min(soldAt) AS firstSoldAt, max(soldAt) AS lastSoldAt
		FROM (SELECT merchantId, lotId, soldAt, quantity FROM sale_lines FINAL
		      WHERE lotId IN (SELECT lotId FROM l)) AS x
		INNER JOIN l USING (merchantId, lotId)
		LEFT JOIN c USING (${perLot})
		WHERE soldAt <= cutoff
		GROUP BY ${perLot}
	),
	mv AS (
		SELECT ${perLot},
		       sumIf(quantity, kind = 'waste') AS wasted,
		       sumIf(quantity, kind = 'return') AS returned,
		       sumIf(quantity, kind = 'recall_pull') AS pulled,
		       sumIf(quantity, kind = 'adjustment') AS adjustments,
		       sumIf(quantity, kind IN ('waste', 'return', 'recall_pull') AND occurredAt > countedAt) AS outAfterCount,
		       sumIf(quantity, kind = 'adjustment' AND occurredAt > countedAt) AS adjustedAfterCount
		FROM (SELECT merchantId, lotId, occurredAt, kind, quantity FROM stock_movements FINAL
		      WHERE lotId IN (SELECT lotId FROM l)) AS x
		INNER JOIN l USING (merchantId, lotId)
		LEFT JOIN c USING (${perLot})
		WHERE occurredAt <= cutoff
		GROUP BY ${perLot}
	),
	mm AS (SELECT id AS merchantId, name AS merchantName, address AS merchantAddress FROM merchants FINAL
	       WHERE id IN (SELECT merchantId FROM l))
	SELECT l.merchantId AS merchantId, mm.merchantName AS merchantName,
	       mm.merchantAddress AS merchantAddress, l.districtId AS districtId,
	       l.lotId AS lotId, l.cutoffKey AS cutoffKey, l.sku AS sku, l.productName AS productName, l.supplierId AS supplierId,
	       l.supplierName AS supplierName, l.batchNo AS batchNo, l.unit AS unit,
	       toString(l.productionDate) AS productionDate, toString(l.expiresOn) AS expiresOn,
	       ${iso('l.receivedAt')} AS receivedAt, l.received AS received,
	       s.sold AS sold, s.soldAfterCount AS soldAfterCount,
	       if(s.sold > 0, toUnixTimestamp64Milli(s.firstSoldAt), NULL) AS firstSoldMs,
	       if(s.sold > 0, toUnixTimestamp64Milli(s.lastSoldAt), NULL) AS lastSoldMs,
	       mv.wasted AS wasted, mv.returned AS returned, mv.pulled AS pulled,
	       mv.adjustments AS adjustments, mv.outAfterCount AS outAfterCount,
	       mv.adjustedAfterCount AS adjustedAfterCount,
	       if(c.counted_ = 1, ${iso('c.countedAt')}, NULL) AS countedAt, c.counted AS counted
	FROM l
	LEFT JOIN s USING (${perLot})
	LEFT JOIN mv USING (${perLot})
	LEFT JOIN c USING (${perLot})
	LEFT JOIN mm USING (merchantId)
	ORDER BY districtId, merchantId, receivedAt, lotId
	${sel.limit ? `LIMIT ${Math.floor(sel.limit)}` : ''}`;
}

type AccountRow = Omit<
	LotAccount,
	'recallIds' | 'batchNo' | 'firstSoldAt' | 'lastSoldAt' | keyof ReturnType<typeof lotBalance>
> & {
	cutoffKey: string;
	batchNo: string;
	received: number;
	sold: number;
	soldAfterCount: number;
	wasted: number;
	returned: number;
	pulled: number;
	adjustments: number;
	outAfterCount: number;
	adjustedAfterCount: number;
	countedAt: string | null;
	counted: number;
	firstSoldMs: number | null;
	lastSoldMs: number | null;
};

const balanceOf = (r: AccountRow) =>
	lotBalance({
		received: Number(r.received),
		sold: Number(r.sold),
		wasted: Number(r.wasted),
		returned: Number(r.returned),
		pulled: Number(r.pulled),
		adjustments: Number(r.adjustments),
		countedAt: r.countedAt,
		counted: Number(r.counted),
		soldAfterCount: Number(r.soldAfterCount),
		outAfterCount: Number(r.outAfterCount),
		adjustedAfterCount: Number(r.adjustedAfterCount)
	});

/** The selected lots' accounts, with the open recalls that hold each lot. */
export async function lotAccounts(store: Store, sel: LotSelection): Promise<LotAccount[]> {
	const rows = await store.query<AccountRow>(lotAccountsSql(sel), sel.params);
	const recalls = await openRecallsOf(store, [...new Set(rows.map((r) => r.merchantId))]);
	return rows.map((r) => ({
		merchantId: r.merchantId,
		merchantName: r.merchantName,
		merchantAddress: r.merchantAddress,
		districtId: r.districtId,
		lotId: r.lotId,
		sku: r.sku,
		productName: r.productName,
		supplierId: r.supplierId,
		supplierName: r.supplierName,
		batchNo: r.batchNo === '' ? null : r.batchNo,
		unit: r.unit,
		productionDate: r.productionDate,
		expiresOn: r.expiresOn,
		receivedAt: r.receivedAt,
		...balanceOf(r),
		firstSoldAt: r.firstSoldMs === null ? null : new Date(Number(r.firstSoldMs)).toISOString(),
		lastSoldAt: r.lastSoldMs === null ? null : new Date(Number(r.lastSoldMs)).toISOString(),
		recallIds: recalls.get(`${r.merchantId}|${r.lotId}`) ?? []
	}));
}

/**
 * What each selected lot held at its cutoff, by `cutoffKey|merchantId|lotId`: one read for many
 * cutoffs (the recall list's lots, each at its own recall's opening).
 */
export async function remainingAtCutoff(
	store: Store,
	sel: LotSelection & { cutoffJoin: string }
): Promise<Map<string, number>> {
	const rows = await store.query<AccountRow>(lotAccountsSql(sel), sel.params);
	return new Map(
		rows.map((r) => [`${r.cutoffKey}|${r.merchantId}|${r.lotId}`, balanceOf(r).remaining])
	);
}

/**
 * Recalls still open for these merchants, by `merchantId|lotId`: opened for the shop and not
 * closed for it. The till refuses these lots.
 */
export async function openRecallsOf(
	store: Store,
	merchantIds: string[]
): Promise<Map<string, string[]>> {
	const out = new Map<string, string[]>();
	if (merchantIds.length === 0) return out;
	const rows = await store.query<{ merchantId: string; lotId: string; recallIds: string[] }>(
		`SELECT merchantId, lotId, groupUniqArray(recallId) AS recallIds
		 FROM (SELECT recallId, merchantId, arrayJoin(merchantLotIds) AS lotId
		       FROM recall_notices FINAL WHERE merchantId IN {ids:Array(String)})
		 WHERE (recallId, merchantId) NOT IN
		       (SELECT recallId, merchantId FROM recall_steps WHERE kind = 'closed'
		        AND merchantId IN {ids:Array(String)})
		 GROUP BY merchantId, lotId`,
		{ ids: merchantIds }
	);
	for (const r of rows) out.set(`${r.merchantId}|${r.lotId}`, [...r.recallIds].sort());
	return out;
}

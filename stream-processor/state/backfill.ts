import type { Store } from '../../clickhouse/store';
import { LATE_AFTER_MS, kindOfLedgerType } from '../../src/lib/domain/ledgers/completeness';
import { ledgerKinds } from '../../src/lib/domain/ledgers/morning-check';
import { owes } from '../../clickhouse/ledger-sql';

/**
 * A store from before ledger_entries existed (migration 0007) has the ledger events but no
 * entries: fill them once from the events table, on the districts' clock, which only the
 * processor knows (a migration could only guess the zone). Idempotent: the entries table folds
 * by event id and the rollup counts with uniq states, so a second run doubles nothing.
 */
export async function backfillLedgerEntries(store: Store, timeZone: string): Promise<number> {
	const [have] = await store.query<{ n: number }>('SELECT count() AS n FROM ledger_entries');
	if ((have?.n ?? 0) > 0) return 0;
	const types = ledgerKinds.map((k) => k.type);
	const kindOf = `multiIf(${ledgerKinds.map((k) => `e.type = '${k.type}', '${kindOfLedgerType(k.type)}'`).join(', ')}, '')`;
	await store.exec(
		`INSERT INTO ledger_entries
		 SELECT e.districtId, e.merchantId, m.businessType,
		        toDate(e.occurredAt, {tz:String}), ${kindOf}, e.id, e.occurredAt, e.recordedAt,
		        dateDiff('millisecond', e.occurredAt, e.recordedAt) > {lateMs:UInt64},
		        ${owes(kindOf, 'm.businessType', 'm.scale')}, e.actorId, e.seq
		 FROM events AS e
		 LEFT JOIN (SELECT id, businessType, scale FROM merchants FINAL) AS m ON m.id = e.merchantId
		 WHERE e.type IN {types:Array(String)}`,
		{ tz: timeZone, lateMs: LATE_AFTER_MS, types }
	);
	const [now] = await store.query<{ n: number }>('SELECT count() AS n FROM ledger_entries');
	return now?.n ?? 0;
}

import type { Store } from '../../clickhouse/store';
import type { ReadScope } from '../../src/lib/domain/auth/policy';
import type { SupplierLot } from '../../src/lib/domain/events/recall';
import type { MerchantRecalls, RecallProgress } from '../../src/lib/domain/trace/contracts';
import {
	recallProgressOf,
	type RecallNotice,
	type RecallStep
} from '../../src/lib/domain/trace/recall-progress';
import { iso } from '../../clickhouse/sql';
import { lotAccounts } from './lot-accounts.queries';
import { scopeCondition, scopeParams } from './trace.queries';

/** The newest recalls a list shows. */
const MAX_RECALLS = 100;

type NoticeRow = Omit<RecallNotice, 'lots'> & { lots: string; publicNotice: string };

export function recallQueries(store: Store) {
	const notices = async (where: string, params: Record<string, unknown>) =>
		(
			await store.query<NoticeRow>(
				`SELECT recallId, n.merchantId AS merchantId, m.name AS merchantName, n.districtId AS districtId,
				        title, reason, level, lots, merchantLotIds, publicNotice, ${iso('openedAt')} AS openedAt
				 FROM recall_notices AS n FINAL
				 LEFT JOIN (SELECT id, name FROM merchants FINAL) AS m ON m.id = n.merchantId
				 WHERE ${where}`,
				params
			)
		).map((r) => ({ ...r, lots: JSON.parse(r.lots) as SupplierLot[] }));

	const progress = async (recallId: string, scope: ReadScope): Promise<RecallProgress | null> => {
		const params = { recallId, ...scopeParams(scope) };
		const mine = await notices(
			`recallId = {recallId:String} AND ${scopeCondition(scope, 'n')}`,
			params
		);
		if (mine.length === 0) return null;
		const [steps, held] = await Promise.all([
			store.query<RecallStep>(
				`SELECT merchantId, kind, lotId, pulled, disposition, ${iso('occurredAt')} AS occurredAt
				 FROM recall_steps FINAL
				 WHERE recallId = {recallId:String} AND merchantId IN {ids:Array(String)}`,
				{ recallId, ids: mine.map((n) => n.merchantId) }
			),
			// What each lot held when the recall reached its shop.
			lotAccounts(store, {
				where: scopeCondition(scope, 'lots'),
				params,
				cutoffJoin: `INNER JOIN (SELECT merchantId, arrayJoin(merchantLotIds) AS lotId, openedAt AS cutoff
				             FROM recall_notices FINAL WHERE recallId = {recallId:String}) AS r
				             USING (merchantId, lotId)`
			})
		]);
		const atOpening = new Map(held.map((a) => [`${a.merchantId}|${a.lotId}`, a.remaining]));
		return recallProgressOf(
			mine,
			steps.map((s) => ({ ...s, pulled: Number(s.pulled) })),
			atOpening
		);
	};

	return {
		recallProgress: progress,

		/** The newest recalls with a notice in the scope, each as far as the scope goes. */
		async recalls(scope: ReadScope) {
			const ids = await store.query<{ recallId: string }>(
				`SELECT recallId FROM recall_notices AS n FINAL WHERE ${scopeCondition(scope, 'n')}
				 GROUP BY recallId ORDER BY min(openedAt) DESC, recallId LIMIT ${MAX_RECALLS}`,
				scopeParams(scope)
			);
			const items = [];
			for (const { recallId } of ids) {
				const p = await progress(recallId, scope);
				if (!p) continue;
				const { reason: _r, lots: _l, items: _i, ...summary } = p;
				items.push(summary);
			}
			return { items };
		},

		/** A shop's recalls still open for it (its notice board; the till's refusal list). */
		async merchantRecalls(merchantId: string): Promise<MerchantRecalls> {
			const [mine, steps] = await Promise.all([
				notices(`n.merchantId = {merchantId:String}`, { merchantId }),
				store.query<{ recallId: string; kind: string; occurredAt: string }>(
					`SELECT recallId, kind, ${iso('occurredAt')} AS occurredAt FROM recall_steps FINAL
					 WHERE merchantId = {merchantId:String} AND kind IN ('acknowledged', 'closed')`,
					{ merchantId }
				)
			]);
			const closed = new Set(steps.filter((s) => s.kind === 'closed').map((s) => s.recallId));
			return {
				items: mine
					.filter((n) => !closed.has(n.recallId))
					.sort((a, b) => b.openedAt.localeCompare(a.openedAt))
					.map((n) => ({
						recallId: n.recallId,
						title: n.title,
						level: n.level,
						reason: n.reason,
						publicNotice: n.publicNotice,
						openedAt: n.openedAt,
						acknowledgedAt:
							steps
								.filter((s) => s.recallId === n.recallId && s.kind === 'acknowledged')
								.map((s) => s.occurredAt)
								.sort()[0] ?? null,
						lotIds: n.merchantLotIds
					}))
			};
		}
	};
}
export type RecallQueries = ReturnType<typeof recallQueries>;

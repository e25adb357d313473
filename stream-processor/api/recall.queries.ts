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
import { remainingAtCutoff } from './lot-accounts.queries';
import { scopeCondition, scopeParams } from './trace.queries';

/** The recalls a list shows (every open one comes before any ended one). */
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

	/**
	 * These recalls' progress, each as far as the scope goes, in the order asked: three reads for
	 * all of them (a list of a hundred recalls is not three hundred reads).
	 */
	const progressOf = async (recallIds: string[], scope: ReadScope): Promise<RecallProgress[]> => {
		if (recallIds.length === 0) return [];
		const params = { recallIds, ...scopeParams(scope) };
		const mine = await notices(
			`recallId IN {recallIds:Array(String)} AND ${scopeCondition(scope, 'n')}`,
			params
		);
		if (mine.length === 0) return [];
		const [steps, held] = await Promise.all([
			store.query<RecallStep & { recallId: string }>(
				`SELECT recallId, merchantId, kind, lotId, pulled, disposition, ${iso('occurredAt')} AS occurredAt
				 FROM recall_steps FINAL
				 WHERE recallId IN {recallIds:Array(String)} AND merchantId IN {ids:Array(String)}`,
				{ recallIds, ids: [...new Set(mine.map((n) => n.merchantId))] }
			),
			// What each lot held when its recall reached its shop.
			remainingAtCutoff(store, {
				where: scopeCondition(scope, 'lots'),
				params,
				cutoffJoin: `INNER JOIN (SELECT recallId AS cutoffKey, merchantId, arrayJoin(merchantLotIds) AS lotId,
				                    openedAt AS cutoff
				             FROM recall_notices FINAL WHERE recallId IN {recallIds:Array(String)}) AS r
				             USING (merchantId, lotId)`
			})
		]);
		// Each recall's own rows (held is keyed `recallId|merchantId|lotId`; ids hold no '|').
		const heldBy = new Map<string, Map<string, number>>();
		for (const [key, remaining] of held) {
			const cut = key.indexOf('|');
			const recallId = key.slice(0, cut);
			if (!heldBy.has(recallId)) heldBy.set(recallId, new Map());
			heldBy.get(recallId)?.set(key.slice(cut + 1), remaining);
		}
		const out: RecallProgress[] = [];
		for (const recallId of recallIds) {
			const p = recallProgressOf(
				mine.filter((n) => n.recallId === recallId),
				steps
					.filter((s) => s.recallId === recallId)
					.map((s) => ({ ...s, pulled: Number(s.pulled) })),
				heldBy.get(recallId) ?? new Map()
			);
			if (p) out.push(p);
		}
		return out;
	};

	return {
		recallProgress: async (recallId: string, scope: ReadScope): Promise<RecallProgress | null> =>
			(await progressOf([recallId], scope))[0] ?? null,

		/**
		 * The recalls with a notice in the scope, each as far as the scope goes: the open ones
		 * first (however old: an officer must see every recall not yet done), then the ended ones,
		 * newest first within each.
		 */
		async recalls(scope: ReadScope) {
			const ids = await store.query<{ recallId: string }>(
				`SELECT n.recallId AS recallId FROM recall_notices AS n FINAL
				 LEFT JOIN (SELECT DISTINCT recallId, merchantId, 1 AS closed FROM recall_steps
				            WHERE kind = 'closed' AND ${scopeCondition(scope, 'recall_steps')}) AS c
				        ON c.recallId = n.recallId AND c.merchantId = n.merchantId
				 WHERE ${scopeCondition(scope, 'n')}
				 GROUP BY n.recallId
				 ORDER BY min(c.closed), min(n.openedAt) DESC, n.recallId LIMIT ${MAX_RECALLS}`,
				scopeParams(scope)
			);
			const all = await progressOf(
				ids.map((r) => r.recallId),
				scope
			);
			return { items: all.map(({ reason: _r, lots: _l, items: _i, ...summary }) => summary) };
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

import type { Store } from '../../clickhouse/store';
import type { ReadScope } from '../../src/lib/domain/auth/policy';
import { maybeIso } from '../../clickhouse/sql';
import { bind, filters, iso, type ScopedQuery } from './read.queries';

const COLUMNS = `id, eventId, merchantId, districtId, inspectorId, coInspectorIds, result, checklist,
	findings, criticalFindings, rectificationItemIds,
	${maybeIso('rectificationDeadline')} AS rectificationDeadline,
	signatureAttachmentId, signer, taskId, alertIds,
	${maybeIso('startedAt')} AS startedAt,
	${iso('occurredAt')} AS occurredAt`;

type Row = Record<string, unknown> & { checklist: string; findings: string };

/** The JSON columns as the objects they hold. */
const decode = (r: Row) => ({
	...r,
	checklist: JSON.parse(r.checklist) as unknown,
	findings: JSON.parse(r.findings) as unknown
});

/**
 * Inspections, cut to the scope through the merchants' register (jurisdiction follows the
 * merchant: one that moved takes its records with it).
 */
export function inspectionQueries(store: Store) {
	const inScope = (q: ScopedQuery) =>
		`merchantId IN (SELECT id FROM merchants FINAL ${filters(q, { district: 'districtId', merchant: 'id' })})`;
	return {
		async inspections(q: ScopedQuery & { limit: number; offset: number }) {
			const rows = await store.query<Row>(
				`SELECT ${COLUMNS} FROM inspections FINAL WHERE ${inScope(q)}
				 ORDER BY inspections.occurredAt DESC, id LIMIT {limit:UInt32} OFFSET {offset:UInt32}`,
				bind(q)
			);
			const [total] = await store.query<{ n: number }>(
				`SELECT count() AS n FROM inspections FINAL WHERE ${inScope(q)}`,
				bind(q)
			);
			return { items: rows.map(decode), total: total?.n ?? 0 };
		},

		async inspection(id: string, scope: ReadScope) {
			const q: ScopedQuery = { scope };
			const [r] = await store.query<Row>(
				`SELECT ${COLUMNS} FROM inspections FINAL WHERE id = {id:String} AND ${inScope(q)} LIMIT 1`,
				{ ...bind(q), id }
			);
			return r ? decode(r) : null;
		}
	};
}
export type InspectionQueries = ReturnType<typeof inspectionQueries>;

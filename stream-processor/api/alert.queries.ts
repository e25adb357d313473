import type { Store } from '../../clickhouse/store';
import type { AlertQuery } from '../../src/lib/domain/alerts/alert-query';
import { precisionPercent } from '../../src/lib/domain/alerts/read-model';
import type { ReadScope } from '../../src/lib/domain/auth/policy';
import { ALERT_COLUMNS, alertFromRow } from '../state/alert-rows';
import { iso } from './read.queries';

const ACTIVE = `status NOT IN ('closed', 'dismissed')`;
// Qualified: the list's SELECT renames these columns to ISO text of the same name. "Now" is bound
// once per request: a page's rows and its total run as two queries and must agree on it.
const OVERDUE = `(${ACTIVE} AND alerts.slaDueAt IS NOT NULL AND alerts.slaDueAt < fromUnixTimestamp64Milli({asOfMs:Int64}))`;

/**
 * The WHERE clause of an alert query: fixed SQL text per filter, values bound (see `bindOf`).
 * The scope comes first and is always there for a reader who does not hold the whole city.
 */
export function alertWhere(q: Partial<AlertQuery>, scope: ReadScope): string {
	const parts: string[] = [];
	if (!scope.all) {
		parts.push(
			'(districtId IN {scopeDistricts:Array(String)} OR merchantId IN {scopeMerchants:Array(String)})'
		);
	}
	if (q.status === 'active') parts.push(ACTIVE);
	else if (q.status) parts.push('status = {status:String}');
	if (q.severity) parts.push('severity = {severity:String}');
	if (q.category) parts.push('category = {category:String}');
	if (q.rule) parts.push('rule = {rule:String}');
	if (q.source) parts.push('source = {source:String}');
	if (q.district) parts.push('districtId = {district:String}');
	if (q.merchantId) parts.push('merchantId = {merchantId:String}');
	if (q.since) parts.push('alerts.raisedAt >= parseDateTime64BestEffort({since:String}, 3)');
	if (q.until) parts.push('alerts.raisedAt < parseDateTime64BestEffort({until:String}, 3)');
	if (q.overdue) parts.push(OVERDUE);
	return parts.length ? `WHERE ${parts.join(' AND ')}` : '';
}

function bindOf(q: Partial<AlertQuery>, scope: ReadScope): Record<string, unknown> {
	const { overdue: _overdue, ...values } = q;
	return {
		...values,
		asOfMs: Date.now(),
		scopeDistricts: scope.all ? [] : scope.districts,
		scopeMerchants: scope.all ? [] : scope.merchants
	};
}

/** `timeZone`: the districts' clock, for "closed today". */
export function alertQueries(store: Store, timeZone: string) {
	return {
		/** A page of alerts, newest raised first, and how many match in all. */
		async alertPage(q: AlertQuery, scope: ReadScope) {
			const where = alertWhere(q, scope);
			const params = bindOf(q, scope);
			const [rows, total] = await Promise.all([
				store.query<Record<string, unknown>>(
					`SELECT ${ALERT_COLUMNS} FROM alerts FINAL ${where}
					 ORDER BY alerts.raisedAt DESC, id LIMIT {limit:UInt32} OFFSET {offset:UInt32}`,
					params
				),
				store.query<{ n: number }>(
					`SELECT toUInt32(count()) AS n FROM alerts FINAL ${where}`,
					params
				)
			]);
			return { items: rows.map(alertFromRow), total: total[0]?.n ?? 0 };
		},

		/**
		 * One alert with its history and evidence, if it is in the scope: outside it, the answer is
		 * the same null as for an alert that does not exist.
		 */
		async alertDetail(id: string, scope: ReadScope) {
			const where = alertWhere({}, scope);
			const [row] = await store.query<Record<string, unknown>>(
				`SELECT ${ALERT_COLUMNS} FROM alerts FINAL
				 ${where ? `${where} AND` : 'WHERE'} id = {id:String}`,
				{ ...bindOf({}, scope), id }
			);
			if (!row) return null;
			const alert = alertFromRow(row);
			const history = await store.query<Record<string, unknown>>(
				`SELECT status, ${iso('updatedAt')} AS updatedAt,
				        if(isNull(deadline), NULL, ${iso('assumeNotNull(deadline)')}) AS deadline,
				        verifiedHow, reason, escalatedAuto, lastEventId
				 FROM alert_history FINAL WHERE id = {id:String}
				 ORDER BY alert_history.updatedAt, version`,
				{ id }
			);
			const stepIds = history.map((h) => String(h.lastEventId)).filter(Boolean);
			const evidenceIds = (row.evidence as string[]) ?? [];
			const ids = [...new Set([...stepIds, ...evidenceIds])];
			const events = ids.length
				? await store.query<Record<string, unknown>>(
						`SELECT toString(id) AS id, type, ${iso('occurredAt')} AS occurredAt,
						        ${iso('recordedAt')} AS recordedAt, merchantId, districtId, actorKind, actorId
						 FROM events
						 WHERE merchantId = {merchantId:String} AND toString(id) IN {ids:Array(String)}
						 ORDER BY events.occurredAt`,
						{ merchantId: row.merchantId, ids }
					)
				: [];
			const byId = new Map(events.map((e) => [String(e.id), e]));
			const evidenceSet = new Set(evidenceIds);
			return {
				alert,
				history: history.map((h) => {
					const step = byId.get(String(h.lastEventId));
					return {
						...h,
						escalatedAuto: h.escalatedAuto === 1,
						actorKind: String(step?.actorKind ?? ''),
						actorId: String(step?.actorId ?? '')
					};
				}),
				// What happened, when and by whom, never the payload (not even read): a complaint's
				// text or a signer's name is not for every reader of the alert.
				evidence: events.filter((e) => evidenceSet.has(String(e.id)))
			};
		},

		/** The counts the command screen and the alert centre show, within the scope. */
		async alertCounts(scope: ReadScope, district?: string) {
			const where = alertWhere({ district }, scope);
			const params = { ...bindOf({ district }, scope), tz: timeZone };
			const grouped = (col: string, active: boolean) =>
				store.query<{ k: string; n: number }>(
					`SELECT ${col} AS k, toUInt32(count()) AS n FROM alerts FINAL
					 ${where}${active ? ` ${where ? 'AND' : 'WHERE'} ${ACTIVE}` : ''}
					 GROUP BY k`,
					params
				);
			const [severity, status, category, totals] = await Promise.all([
				grouped('severity', true),
				grouped('status', false),
				grouped('category', true),
				store.query<{ overdue: number; closedToday: number }>(
					`SELECT toUInt32(countIf(${OVERDUE})) AS overdue,
					        toUInt32(countIf(status = 'closed' AND toDate(alerts.updatedAt, {tz:String}) = toDate(now(), {tz:String}))) AS closedToday
					 FROM alerts FINAL ${where}`,
					params
				)
			]);
			const record = (rows: { k: string; n: number }[]) =>
				Object.fromEntries(rows.filter((r) => r.k !== '').map((r) => [r.k, r.n]));
			return {
				openBySeverity: record(severity),
				byStatus: record(status),
				byCategory: record(category),
				overdue: totals[0]?.overdue ?? 0,
				closedToday: totals[0]?.closedToday ?? 0
			};
		},

		/** Per rule and per source: raised, dismissed as false, closed, precision. */
		/**
		 * The active alerts summed up per rule (a flood of one rule is one line): how many, how
		 * many shops, by severity, overdue, the oldest and newest. Within the query's filters.
		 */
		async alertSummary(q: Partial<AlertQuery>, scope: ReadScope) {
			const where = alertWhere({ ...q, status: 'active' }, scope);
			const rows = await store.query<Record<string, unknown>>(
				`SELECT rule, any(category) AS category, toUInt32(count()) AS alerts,
				        toUInt32(uniqExact(merchantId)) AS merchants,
				        toUInt32(countIf(severity = 'critical')) AS critical,
				        toUInt32(countIf(severity = 'high')) AS high,
				        toUInt32(countIf(severity = 'medium')) AS medium,
				        toUInt32(countIf(severity = 'low')) AS low,
				        toUInt32(countIf(${OVERDUE})) AS overdue,
				        ${iso('min(alerts.raisedAt)')} AS oldest, ${iso('max(alerts.raisedAt)')} AS newest
				 FROM alerts FINAL ${where}
				 GROUP BY rule ORDER BY critical DESC, high DESC, alerts DESC, rule`,
				bindOf({ ...q, status: 'active' }, scope)
			);
			return { items: rows };
		},

		async alertPrecision(scope: ReadScope, district?: string) {
			const where = alertWhere({ district }, scope);
			const params = bindOf({ district }, scope);
			const per = async (col: string) => {
				const rows = await store.query<{
					key: string;
					raised: number;
					dismissed: number;
					closed: number;
				}>(
					`SELECT ${col} AS key, toUInt32(count()) AS raised,
					        toUInt32(countIf(status = 'dismissed')) AS dismissed,
					        toUInt32(countIf(status = 'closed')) AS closed
					 FROM alerts FINAL ${where} GROUP BY key ORDER BY raised DESC, key`,
					params
				);
				return rows.map((r) => ({ ...r, precision: precisionPercent(r.closed, r.dismissed) }));
			};
			const [byRule, bySource] = await Promise.all([
				per('rule'),
				per(`if(source = '', concat('rule:', rule), source)`)
			]);
			return { byRule, bySource };
		}
	};
}

export type AlertQueries = ReturnType<typeof alertQueries>;

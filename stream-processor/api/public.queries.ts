import type { Store } from '../../clickhouse/store';
import type {
	PublicInspectionQuery,
	PublicMapQuery,
	PublicShopQuery
} from '../../src/lib/domain/public/public-shop';
import { iso } from './read.queries';

/**
 * The store's part of the public platform. Every column here is chosen to be public: no
 * contact, credit code, staff, inspector or complaint text is ever selected.
 */

/** Worst over licence kinds of each kind's newest validity (as the register: registry.queries). */
const LICENCE_WORST = `
	SELECT merchantId, min(maxTo) AS worstTo
	FROM (SELECT merchantId, kind, max(validTo) AS maxTo FROM licences FINAL
	      WHERE revoked = 0 GROUP BY merchantId, kind)
	GROUP BY merchantId`;

const LATEST_INSPECTION = `
	SELECT merchantId, argMax(result, occurredAt) AS result, max(occurredAt) AS at
	FROM inspections FINAL GROUP BY merchantId`;

const ITEM_COLUMNS = `m.id AS id, m.name AS name, m.districtId AS districtId,
	m.businessType AS businessType, m.status AS status, m.address AS address, m.lon AS lon, m.lat AS lat,
	multiIf(l.merchantId = '', 'none', l.worstTo < today, 'expired', l.worstTo <= today + 30,
	        'expiring', 'valid') AS licenceStatus,
	if(r.merchantId = '', NULL, r.grade) AS riskGrade,
	if(i.merchantId = '', NULL, i.result) AS inspectionResult,
	if(i.merchantId = '', NULL, ${iso('i.at')}) AS inspectionAt`;

export interface PublicItemRow {
	id: string;
	name: string;
	districtId: string;
	businessType: string;
	status: string;
	address: string;
	lon: number;
	lat: number;
	licenceStatus: string;
	riskGrade: string | null;
	inspectionResult: string | null;
	inspectionAt: string | null;
}

export interface PublicMapRow {
	id: string;
	name: string;
	lon: number;
	lat: number;
	riskGrade: string | null;
	inspectionResult: string | null;
	inspectionAt: string | null;
}

/** The search's filter (registered shops by name or address, in a district or all). */
function shopFilter(q: Pick<PublicShopQuery, 'q' | 'district'>): string {
	const where = ['isNotNull(m.registeredAt)'];
	if (q.district) where.push('m.districtId = {district:String}');
	if (q.q) {
		where.push(
			`(positionCaseInsensitiveUTF8(m.name, {q:String}) > 0
			  OR positionCaseInsensitiveUTF8(m.address, {q:String}) > 0)`
		);
	}
	return `FROM merchants AS m FINAL WHERE ${where.join(' AND ')}`;
}

export function publicQueries(store: Store, timeZone: string) {
	return {
		/** Registered shops by name or address, in a district or all; open and closed alike. */
		async publicShops(q: PublicShopQuery) {
			const params = { ...q, tz: timeZone };
			const from = shopFilter(q);
			const [items, total] = await Promise.all([
				store.query<PublicItemRow>(
					`WITH toDate(now(), {tz:String}) AS today
					 SELECT ${ITEM_COLUMNS}
					 FROM (SELECT * ${from} ORDER BY m.name, m.id
					       LIMIT {limit:UInt32} OFFSET {offset:UInt32}) AS m
					 LEFT JOIN (${LICENCE_WORST}) AS l ON l.merchantId = m.id
					 LEFT JOIN (SELECT merchantId, grade FROM risk_current FINAL) AS r ON r.merchantId = m.id
					 LEFT JOIN (${LATEST_INSPECTION}) AS i ON i.merchantId = m.id
					 ORDER BY m.name, m.id`,
					params
				),
				store.query<{ n: number }>(`SELECT count() AS n ${from}`, params)
			]);
			return { items, total: Number(total[0]?.n ?? 0) };
		},

		/**
		 * The map's shops: those of the search that have a place, at most `limit`. The sample is
		 * by a hash of the id, not by name, so a capped city map is spread like the city and stays
		 * the same from one visit to the next.
		 */
		async publicMap(q: PublicMapQuery) {
			const from = `${shopFilter(q)} AND NOT (m.lon = 0 AND m.lat = 0)`;
			const [points, total] = await Promise.all([
				store.query<PublicMapRow>(
					`SELECT m.id AS id, m.name AS name, m.lon AS lon, m.lat AS lat,
					        if(r.merchantId = '', NULL, r.grade) AS riskGrade,
					        if(i.merchantId = '', NULL, i.result) AS inspectionResult,
					        if(i.merchantId = '', NULL, ${iso('i.at')}) AS inspectionAt
					 FROM (SELECT m.id AS id, m.name AS name, m.lon AS lon, m.lat AS lat ${from}
					       ORDER BY cityHash64(m.id), m.id LIMIT {limit:UInt32}) AS m
					 LEFT JOIN (SELECT merchantId, grade FROM risk_current FINAL) AS r ON r.merchantId = m.id
					 LEFT JOIN (${LATEST_INSPECTION}) AS i ON i.merchantId = m.id`,
					{ ...q }
				),
				store.query<{ n: number }>(`SELECT count() AS n ${from}`, { ...q })
			]);
			return { points, total: Number(total[0]?.n ?? 0) };
		},

		/** The newest finished inspections: shop, result, date. */
		async publicInspections(q: PublicInspectionQuery) {
			return store.query<{
				merchantId: string;
				merchantName: string;
				districtId: string;
				result: string;
				at: string;
			}>(
				`SELECT i.merchantId AS merchantId, m.name AS merchantName, i.districtId AS districtId,
				        i.result AS result, ${iso('i.occurredAt')} AS at
				 FROM (SELECT merchantId, districtId, result, occurredAt, id FROM inspections FINAL
				       ${q.district ? 'WHERE districtId = {district:String}' : ''}
				       ORDER BY occurredAt DESC, id LIMIT {limit:UInt32} OFFSET {offset:UInt32}) AS i
				 LEFT JOIN (SELECT id, name FROM merchants FINAL) AS m ON m.id = i.merchantId
				 ORDER BY i.occurredAt DESC, i.id`,
				{ ...q }
			);
		},

		/** Kept (day, book) pairs of the books the shop owes, in a window of finished days. */
		async ledgersKept(merchantId: string, districtId: string, from: string, to: string) {
			const [r] = await store.query<{ kept: number }>(
				`SELECT toUInt32(uniqExactIf((day, kind), owed = 1)) AS kept FROM ledger_entries
				 WHERE districtId = {districtId:String} AND merchantId = {merchantId:String}
				   AND ledger_entries.day BETWEEN {from:Date} AND {to:Date}`,
				{ merchantId, districtId, from, to }
			);
			return Number(r?.kept ?? 0);
		},

		/**
		 * Recall notices open for the shop: its `recall.opened` events without a `recall.closed`
		 * of the same recall (both are the shop's own events). Only what the bureau wrote for the
		 * public, never the lots or quantities.
		 */
		async openRecalls(merchantId: string, districtId: string) {
			return store.query<{
				recallId: string;
				title: string;
				level: '1' | '2' | '3';
				publicNotice: string;
				openedAt: string;
			}>(
				`SELECT recallId, argMax(title, at) AS title, argMax(level, at) AS level,
				        argMax(publicNotice, at) AS publicNotice, ${iso('min(at)')} AS openedAt
				 FROM (SELECT JSONExtractString(payload, 'recallId') AS recallId,
				              JSONExtractString(payload, 'title') AS title,
				              JSONExtractString(payload, 'level') AS level,
				              JSONExtractString(payload, 'publicNotice') AS publicNotice,
				              occurredAt AS at
				       FROM events
				       WHERE districtId = {districtId:String} AND merchantId = {merchantId:String}
				         AND type = 'recall.opened')
				 WHERE recallId NOT IN (
				   SELECT JSONExtractString(payload, 'recallId') FROM events
				   WHERE districtId = {districtId:String} AND merchantId = {merchantId:String}
				     AND type = 'recall.closed')
				 GROUP BY recallId ORDER BY openedAt DESC LIMIT 20`,
				{ merchantId, districtId }
			);
		},

		/** A complaint by its tracking code: the filed row and the newest reply, folded. */
		async complaintTracking(complaintId: string) {
			const [r] = await store.query<{
				complaintId: string;
				merchantId: string;
				merchantName: string;
				category: string;
				filedAt: string;
				status: string;
				publicReply: string;
				repliedAt: string;
				replies: number;
			}>(
				`SELECT c.complaintId AS complaintId, c.merchantId AS merchantId,
				        ifNull(m.name, '') AS merchantName, c.category AS category,
				        ${iso('c.filedAt')} AS filedAt, c.status AS status, c.publicReply AS publicReply,
				        ${iso('c.repliedAt')} AS repliedAt, c.replies AS replies
				 FROM (SELECT complaintId,
				              anyIf(merchantId, kind = 'filed') AS merchantId,
				              anyIf(category, kind = 'filed') AS category,
				              minIf(at, kind = 'filed') AS filedAt,
				              argMaxIf(status, at, kind = 'replied') AS status,
				              argMaxIf(publicReply, at, kind = 'replied') AS publicReply,
				              maxIf(at, kind = 'replied') AS repliedAt,
				              countIf(kind = 'replied') AS replies,
				              countIf(kind = 'filed') AS filed
				       FROM complaint_log WHERE complaintId = {complaintId:String}
				       GROUP BY complaintId HAVING filed > 0) AS c
				 LEFT JOIN (SELECT id, name FROM merchants FINAL) AS m ON m.id = c.merchantId`,
				{ complaintId }
			);
			return r ?? null;
		}
	};
}
export type PublicQueries = ReturnType<typeof publicQueries>;

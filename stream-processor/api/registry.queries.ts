import type { Store } from '../../clickhouse/store';
import type { ReadScope } from '../../src/lib/domain/auth/policy';
import type { RegistryQuery } from '../../src/lib/domain/registry/registry-query';
import { bind, filters, iso, type ScopedQuery } from './read.queries';

/**
 * A merchant's licence status: the worst over its licence kinds of the newest validity of each
 * (a renewed licence under a new number replaces the old one; a revoked one counts as absent).
 */
const LICENCE_STATUS = `
	SELECT merchantId, min(maxTo) AS worstTo
	FROM (SELECT merchantId, kind, max(validTo) AS maxTo FROM licences FINAL
	      WHERE revoked = 0 GROUP BY merchantId, kind)
	GROUP BY merchantId`;

const STAFF_CERTS = `
	SELECT merchantId, toUInt32(count()) AS staffCount,
	       toUInt32(countIf(certValidTo IS NULL OR certValidTo < today)) AS certsLapsed
	FROM staff FINAL WHERE removed = 0 GROUP BY merchantId`;

/** Licence status text from the worst validTo; 'none' when no licence at all. */
const STATUS_EXPR = `multiIf(l.merchantId = '', 'none', l.worstTo < today, 'expired',
	l.worstTo <= today + 30, 'expiring', 'valid')`;

export function registryQueries(store: Store, timeZone: string) {
	return {
		/** The registry list: search and filters, with licence and certificate status per row. */
		async registry(q: ScopedQuery & RegistryQuery) {
			// The scope and district from the shared filters; the search is this list's own.
			const where = filters({ ...q, q: undefined }, { district: 'm.districtId', merchant: 'm.id' });
			const extra: string[] = where ? [where.slice('WHERE '.length)] : [];
			if (q.businessType) extra.push('m.businessType = {businessType:String}');
			if (q.status) extra.push('m.status = {status:String}');
			if (q.licence) extra.push(`${STATUS_EXPR} = {licence:String}`);
			if (q.grade) extra.push('r.grade = {grade:String}');
			// A code search: the whole 统一社会信用代码 or a licence number's start.
			if (q.q) {
				extra.push(
					`(positionCaseInsensitiveUTF8(m.name, {q:String}) > 0 OR m.creditCode = upper({q:String})
					  OR positionCaseInsensitiveUTF8(m.address, {q:String}) > 0)`
				);
			}
			const clause = extra.length ? `WHERE ${extra.join(' AND ')}` : '';
			const from = `
				WITH toDate(now(), {tz:String}) AS today
				SELECT %COLUMNS% FROM merchants AS m FINAL
				LEFT JOIN (${LICENCE_STATUS}) AS l ON l.merchantId = m.id
				LEFT JOIN (${STAFF_CERTS}) AS s ON s.merchantId = m.id
				LEFT JOIN (SELECT merchantId, grade, score FROM risk_current FINAL) AS r
				  ON r.merchantId = m.id
				${clause}`;
			const params = { ...bind(q), tz: timeZone };
			const [items, total] = await Promise.all([
				store.query(
					from.replace(
						'%COLUMNS%',
						`m.id AS id, m.name AS name, m.districtId AS districtId, m.businessType AS businessType,
						 m.scale AS scale, m.status AS status, m.creditCode AS creditCode, m.address AS address,
						 ${STATUS_EXPR} AS licenceStatus,
						 if(l.merchantId = '', NULL, toString(l.worstTo)) AS licenceValidTo,
						 s.staffCount AS staffCount, s.certsLapsed AS certsLapsed,
						 if(r.merchantId = '', NULL, r.grade) AS riskGrade,
						 if(r.merchantId = '', NULL, round(r.score, 1)) AS riskScore,
						 ${iso('m.updatedAt')} AS updatedAt`
					) + ` ORDER BY ${orderOf(q.sort)} LIMIT {limit:UInt32} OFFSET {offset:UInt32}`,
					params
				),
				store.query<{ n: number }>(from.replace('%COLUMNS%', 'count() AS n'), params)
			]);
			return { items, total: total[0]?.n ?? 0 };
		},

		/** The register's record of one merchant for regulators: contact and enterprise too. */
		async registryMerchant(id: string, scope: ReadScope) {
			const q: ScopedQuery = { scope, merchantId: id };
			const [m] = await store.query(
				`SELECT id, name, districtId, businessType, scale, status, creditCode, address, lon, lat,
				        contactName, contactPhone, enterpriseRelation, enterpriseName, enterpriseCreditCode,
				        if(isNull(registeredAt), NULL, ${iso('assumeNotNull(registeredAt)')}) AS registeredAt,
				        ${iso('updatedAt')} AS updatedAt
				 FROM merchants FINAL ${filters(q, { district: 'districtId', merchant: 'id' })}`,
				bind(q)
			);
			if (!m) return null;
			const licences = await store.query(
				`WITH toDate(now(), {tz:String}) AS today
				 SELECT licenceId, kind, number, scope, authority, attachmentIds,
				        toString(validFrom) AS validFrom, toString(validTo) AS validTo,
				        multiIf(revoked = 1, 'revoked', licences.validTo < today, 'expired',
				                licences.validTo <= today + 30, 'expiring', 'valid') AS status
				 FROM licences FINAL WHERE merchantId = {id:String} ORDER BY licences.validTo DESC`,
				{ id, tz: timeZone }
			);
			return { ...m, licences };
		}
	};
}

function orderOf(sort: RegistryQuery['sort']): string {
	switch (sort) {
		case 'licence':
			return "l.merchantId = '' DESC, l.worstTo ASC, m.id";
		case 'updated':
			return 'm.updatedAt DESC, m.id';
		case 'risk':
			return "r.merchantId = '', r.score DESC, m.id";
		default:
			return 'm.name, m.id';
	}
}
export type RegistryQueries = ReturnType<typeof registryQueries>;

import { z } from 'zod';
import type { TicketClaims } from '../../src/lib/domain/auth/claims';
import { readScope } from '../../src/lib/domain/auth/policy';
import { parseAlertQuery } from '../../src/lib/domain/alerts/alert-query';
import { districtId } from '../../src/lib/domain/ids';
import type { AlertQueries } from './alert.queries';
import { HttpError, type Route } from './http';
import { inDistricts } from './params';

const alertIdParam = z.string().min(1).max(200);

/** The scope, refusing a district filter outside it (403, like the other lists). */
function scoped(claims: TicketClaims, district: string | undefined) {
	const scope = readScope(claims);
	inDistricts(scope, [district]);
	return scope;
}

function districtParam(query: URLSearchParams): string | undefined {
	const raw = query.get('district');
	if (!raw) return undefined;
	const parsed = districtId.safeParse(raw);
	if (!parsed.success) throw new HttpError(400, 'district: must be a 6-digit code');
	return parsed.data;
}

/**
 * The alert centre's reads: the filtered list, one alert with its history, the counts for the
 * command screen, and the precision of each rule and source. All cut to the ticket's scope; an
 * alert outside it is a 404, like one that does not exist.
 */
export function mountAlertRoutes(route: Route, queries: AlertQueries): void {
	route('/api/alerts', 0, async (req, claims) => {
		const parsed = parseAlertQuery(req.query);
		if (!parsed.ok) throw new HttpError(400, parsed.problem);
		const scope = scoped(claims, parsed.query.district);
		return { status: 200, body: await queries.alertPage(parsed.query, scope) };
	});
	route('/api/alerts/counts', 0, async (req, claims) => {
		const district = districtParam(req.query);
		return { status: 200, body: await queries.alertCounts(scoped(claims, district), district) };
	});
	route('/api/alerts/summary', 0, async (req, claims) => {
		const parsed = parseAlertQuery(req.query);
		if (!parsed.ok) throw new HttpError(400, parsed.problem);
		const scope = scoped(claims, parsed.query.district);
		return { status: 200, body: await queries.alertSummary(parsed.query, scope) };
	});
	route('/api/alerts/precision', 0, async (req, claims) => {
		const district = districtParam(req.query);
		return {
			status: 200,
			body: await queries.alertPrecision(scoped(claims, district), district)
		};
	});
	route('/api/alerts/:id', 1, async (req, claims) => {
		const id = alertIdParam.safeParse(req.params[0]);
		if (!id.success) throw new HttpError(400, 'id: not an alert id');
		const detail = await queries.alertDetail(id.data, readScope(claims));
		if (!detail) throw new HttpError(404, `no alert ${id.data}`);
		return { status: 200, body: detail };
	});
}

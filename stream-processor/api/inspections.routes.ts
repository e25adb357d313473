import { z } from 'zod';
import { readScope } from '../../src/lib/domain/auth/policy';
import { districtId, entityId } from '../../src/lib/domain/ids';
import { HttpError, type Route } from './http';
import type { InspectionQueries } from './inspections.queries';
import { inDistricts, parseId, parseQuery } from './params';

const listQuery = z.object({
	merchant: entityId.optional(),
	district: districtId.optional(),
	limit: z.coerce.number().int().min(1).max(200).default(50),
	offset: z.coerce.number().int().min(0).max(100_000).default(0)
});

/**
 * `/api/inspections?merchant=&district=` and `/api/inspections/:id`, cut to the ticket's scope:
 * a district outside it is a 403, an inspection of a merchant outside it a 404.
 */
export function mountInspectionRoutes(route: Route, queries: InspectionQueries): void {
	route('/api/inspections', 0, async (req, claims) => {
		const { merchant, ...q } = parseQuery(listQuery, req.query);
		const scope = readScope(claims);
		inDistricts(scope, [q.district]);
		return {
			status: 200,
			body: await queries.inspections({
				...q,
				...(merchant ? { merchantId: merchant } : {}),
				scope
			})
		};
	});
	route('/api/inspections/:id', 1, async (req, claims) => {
		const id = parseId(req.params[0]);
		const found = await queries.inspection(id, readScope(claims));
		if (!found) throw new HttpError(404, `no inspection ${id}`);
		return { status: 200, body: found };
	});
}

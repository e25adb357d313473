import { z } from 'zod';
import type { TicketClaims } from '../../src/lib/domain/auth/claims';
import { readScope } from '../../src/lib/domain/auth/policy';
import { districtId, entityId } from '../../src/lib/domain/ids';
import { HttpError, type ApiRequest, type Reply } from './http';
import type { InspectionQueries } from './inspections.queries';
import { parseId } from './params';

type Route = (
	pattern: string,
	paramCount: number,
	handler: (req: ApiRequest, claims: TicketClaims) => Promise<Reply>
) => void;

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
		const parsed = listQuery.safeParse(Object.fromEntries([...req.query].filter(([, v]) => v)));
		if (!parsed.success) {
			const issue = parsed.error.issues[0];
			throw new HttpError(400, `${issue?.path.join('.')}: ${issue?.message}`);
		}
		const { merchant, ...q } = parsed.data;
		const scope = readScope(claims);
		if (q.district && !scope.all && !scope.districts.includes(q.district)) {
			throw new HttpError(403, 'district outside your jurisdiction');
		}
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

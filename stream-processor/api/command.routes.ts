import { z } from 'zod';
import type { ReadScope } from '../../src/lib/domain/auth/policy';
import type { CommandOverview } from '../../src/lib/domain/command/overview';
import { districtId } from '../../src/lib/domain/ids';
import type { Route } from './http';
import { inDistricts, parseQuery, regulatorScope } from './params';

/**
 * The wall's overview, for regulators: the whole scope, or `?district=` one district of it
 * (outside it, a 403 like every list).
 */
export function mountCommandRoutes(
	route: Route,
	overview: (scope: ReadScope, district: string | undefined) => Promise<CommandOverview>
): void {
	route('/api/command/overview', 0, async (req, claims) => {
		const scope = regulatorScope(claims);
		const { district } = parseQuery(z.object({ district: districtId.optional() }), req.query);
		inDistricts(scope, [district]);
		return { status: 200, body: await overview(scope, district) };
	});
}

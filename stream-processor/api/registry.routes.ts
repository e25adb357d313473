import type { ReadScope } from '../../src/lib/domain/auth/policy';
import { dayWindow } from '../../src/lib/domain/ledgers/ledger-query';
import { registryQuery } from '../../src/lib/domain/registry/registry-query';
import { z } from 'zod';
import { HttpError, type ApiRequest, type Route } from './http';
export type { Route };
import { inDistricts, parseId, parseQuery, regulatorScope } from './params';
import type { LedgerQueries } from './ledger.queries';
import type { RegistryQueries } from './registry.queries';

export type MerchantRoute = (
	pattern: string,
	answer: (id: string, req: ApiRequest, districtId: string) => Promise<unknown>
) => void;

/** The regulators' reads: the registry, ledger completeness and disputes. */
export function mountRegistryRoutes(
	route: Route,
	merchantRoute: MerchantRoute,
	queries: RegistryQueries & LedgerQueries
): void {
	// Regulators only: a merchant's people read their own books through the merchant paths.
	const regulator = regulatorScope;
	const inDistrict = (scope: ReadScope, district: string | undefined) =>
		inDistricts(scope, [district]);

	route('/api/registry', 0, async (req, claims) => {
		const scope = regulator(claims);
		const q = parseQuery(registryQuery, req.query);
		inDistrict(scope, q.district);
		return { status: 200, body: await queries.registry({ ...q, scope }) };
	});
	route('/api/registry/:id', 1, async (req, claims) => {
		const id = parseId(req.params[0]);
		const m = await queries.registryMerchant(id, regulator(claims));
		if (!m) throw new HttpError(404, `no merchant ${id}`);
		return { status: 200, body: m };
	});
	route('/api/ledgers/completeness', 0, async (req, claims) => {
		const scope = regulator(claims);
		const w = parseQuery(dayWindow, req.query);
		inDistrict(scope, w.district);
		return { status: 200, body: await queries.completeness(w, scope) };
	});
	route('/api/ledgers/merchants', 0, async (req, claims) => {
		const scope = regulator(claims);
		const w = parseQuery(dayWindow, req.query);
		if (!w.district) throw new HttpError(400, 'district: required');
		inDistrict(scope, w.district);
		const { limit } = parseQuery(
			z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) }),
			new URLSearchParams({ limit: req.query.get('limit') ?? '' })
		);
		return {
			status: 200,
			body: await queries.merchantCompleteness({ ...w, district: w.district }, scope, limit)
		};
	});
	// The calendar and disputes are the merchant's own too: its people see them on their pages.
	merchantRoute('/api/merchants/:id/ledger-calendar', (id, req, districtId) =>
		queries.merchantCalendar(id, districtId, parseQuery(dayWindow, req.query))
	);
	merchantRoute('/api/merchants/:id/disputes', (id) => queries.disputes(id));
}

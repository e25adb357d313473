import { z } from 'zod';
import { entityId } from '../../src/lib/domain/ids';
import { supplierLotQuery } from '../../src/lib/domain/trace/supplier-lot';
import { HttpError, type ApiRequest, type Route } from './http';
import { parseId, parseQuery, regulatorScope } from './params';
import type { ReadQueries } from './read.queries';
import type { TraceQueries } from './trace.queries';
import type { RecallQueries } from './recall.queries';
import type { CatalogueQueries } from './catalogue.queries';

/** A merchant-scoped path (routes.ts): outside the scope a 404. */
type MerchantRoute = (
	pattern: string,
	answer: (id: string, req: ApiRequest, districtId: string) => Promise<unknown>
) => void;

/** A backward trace looks at most this many days (a food-poisoning case looks back days, not years). */
const MAX_BACKWARD_DAYS = 92;
const backwardQuery = z
	.object({ merchantId: entityId, from: z.iso.date(), to: z.iso.date() })
	.refine((w) => w.from <= w.to, { message: 'from is after to', path: ['from'] })
	.refine((w) => (Date.parse(w.to) - Date.parse(w.from)) / 86_400_000 < MAX_BACKWARD_DAYS, {
		message: `at most ${MAX_BACKWARD_DAYS} days`,
		path: ['to']
	});

/** Suppliers by name (a pick list): a few hundred at most. */
const suppliersQuery = z.object({
	q: z.string().trim().max(50).optional(),
	limit: z.coerce.number().int().min(1).max(500).default(200)
});

/** A supplier's batches (a pick list of what to trace). */
const supplierBatchesQuery = z.object({
	supplierId: entityId,
	limit: z.coerce.number().int().min(1).max(500).default(100)
});

/**
 * 双向追溯 and 召回 (src/lib/domain/trace/contracts.ts lists the paths and shapes). A shop reads its
 * own stock, recalls and catalogue; traces and recalls are for regulators, cut to their districts.
 */
export function mountTraceRoutes(
	route: Route,
	merchantRoute: MerchantRoute,
	queries: ReadQueries & TraceQueries & RecallQueries & CatalogueQueries
): void {
	merchantRoute('/api/merchants/:id/stock', (id) => queries.stock(id));
	merchantRoute('/api/merchants/:id/recalls', (id) => queries.merchantRecalls(id));
	merchantRoute('/api/merchants/:id/products', (id) => queries.products(id));
	merchantRoute('/api/merchants/:id/suppliers', (id) => queries.suppliers(id));

	route('/api/trace/forward', 0, async (req, claims) => {
		const scope = regulatorScope(claims);
		const q = parseQuery(supplierLotQuery, req.query);
		return { status: 200, body: await queries.forwardTrace(q.lot, scope, q.limit) };
	});
	route('/api/trace/forward/sales', 0, async (req, claims) => {
		const scope = regulatorScope(claims);
		const q = parseQuery(supplierLotQuery, req.query);
		return { status: 200, body: await queries.forwardSales(q.lot, scope, q.after) };
	});
	route('/api/trace/backward', 0, async (req, claims) => {
		const scope = regulatorScope(claims);
		const q = parseQuery(backwardQuery, req.query);
		if (!(await queries.merchantInScope(q.merchantId, scope))) {
			throw new HttpError(404, `no merchant ${q.merchantId}`);
		}
		return {
			status: 200,
			body: await queries.backwardTrace(q.merchantId, { from: q.from, to: q.to }, scope)
		};
	});
	route('/api/trace/suppliers', 0, async (req, claims) => {
		const scope = regulatorScope(claims);
		const q = parseQuery(suppliersQuery, req.query);
		return { status: 200, body: await queries.supplierChoices(q.q, scope, q.limit) };
	});
	route('/api/trace/supplier-batches', 0, async (req, claims) => {
		const scope = regulatorScope(claims);
		const q = parseQuery(supplierBatchesQuery, req.query);
		return { status: 200, body: await queries.supplierBatches(q.supplierId, scope, q.limit) };
	});
	route('/api/recalls', 0, async (_req, claims) => ({
		status: 200,
		body: await queries.recalls(regulatorScope(claims))
	}));
	route('/api/recalls/:recallId', 1, async (req, claims) => {
		const scope = regulatorScope(claims);
		const id = parseId(req.params[0]);
		const p = await queries.recallProgress(id, scope);
		if (!p) throw new HttpError(404, `no recall ${id}`);
		return { status: 200, body: p };
	});
}

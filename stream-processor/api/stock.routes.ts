import { dayWindow } from '../../src/lib/domain/ledgers/ledger-query';
import { HttpError, type Route } from './http';
import { parseId, parseQuery, regulatorScope } from './params';
import type { ReadQueries } from './read.queries';
import type { StockQueries } from './stock.queries';

/**
 * A merchant's stock lots by expiry (`/api/merchants/:id/lots?from=&to=`), for regulators: a
 * merchant outside the scope is a 404, like one that does not exist.
 */
export function mountStockRoutes(route: Route, queries: ReadQueries & StockQueries): void {
	route('/api/merchants/:id/lots', 1, async (req, claims) => {
		const scope = regulatorScope(claims);
		const id = parseId(req.params[0]);
		const window = parseQuery(dayWindow, req.query);
		if (!(await queries.merchantInScope(id, scope))) throw new HttpError(404, `no merchant ${id}`);
		return { status: 200, body: await queries.lotsExpiring(id, window) };
	});
}

import { sellableQuantity } from '../../src/lib/domain/stock/fifo';
import {
	MENU_LEFT_CAP,
	type PublicMenu,
	type TableOrderView
} from '../../src/lib/domain/order/table-order';
import type { RiskGrade } from '../../src/lib/domain/risk';
import { localDay } from '../../src/lib/domain/time';
import type { MerchantRecord } from '../state/merchant-state';
import { HttpError, type OpenRoute } from './http';
import type { OrderQueries } from './order.queries';
import { parseId } from './params';
import type { MerchantRoute } from './registry.routes';

export interface OrderRouteDeps {
	queries: OrderQueries;
	merchant: (id: string) => MerchantRecord | undefined;
	/** The shop's grade as the public sees it (stored, else scored now); null if none. */
	grade: (m: MerchantRecord) => RiskGrade | null;
	timeZone: string;
}

/**
 * 扫码点餐 reads.
 * - `/public/merchants/:id/menu`: no viewer (the web server's public-read ticket); the shop's name and grade and its priced dishes with
 *   how many may be ordered (capped: the shop's stock is not the public's business).
 * - `/public/merchants/:id/orders/:orderId`: the same; one table order (table, lines, total,
 *   paid or not) for whoever holds its id (an unguessable UUIDv7), for the diner's page.
 * - `/api/merchants/:id/table-orders`: the shop's own (and its regulators'): its table orders
 *   for the till.
 */
export function mountOrderRoutes(
	open: OpenRoute,
	merchantRoute: MerchantRoute,
	deps: OrderRouteDeps
): void {
	const { queries } = deps;
	const shop = (raw: string | undefined) => {
		const id = parseId(raw);
		const m = deps.merchant(id);
		if (!m?.registered) throw new HttpError(404, `no merchant ${id}`);
		return m;
	};
	open('/public/merchants/:id/menu', 1, async (req) => {
		const m = shop(req.params[0]);
		const [products, lots] = await Promise.all([
			queries.menuProducts(m.districtId, m.id),
			queries.lotsHeld(m.id)
		]);
		const today = localDay(Date.now(), deps.timeZone);
		const body: PublicMenu = {
			merchant: { id: m.id, name: m.name, districtId: m.districtId, grade: deps.grade(m) },
			items: products.map((p) => ({
				...p,
				left: Math.min(MENU_LEFT_CAP, Math.floor(sellableQuantity(lots, p.sku, today)))
			}))
		};
		return { status: 200, body };
	});
	open('/public/merchants/:id/orders/:orderId', 2, async (req) => {
		const m = shop(req.params[0]);
		const orderId = parseId(req.params[1]);
		const order: TableOrderView | null = await queries.tableOrder(m.districtId, m.id, orderId);
		if (!order) throw new HttpError(404, `no order ${orderId}`);
		return { status: 200, body: order };
	});
	merchantRoute('/api/merchants/:id/table-orders', async (id, _req, districtId) => ({
		items: await queries.tableOrders(districtId, id)
	}));
}

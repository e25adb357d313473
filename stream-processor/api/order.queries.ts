import type { Store } from '../../clickhouse/store';
import type { MenuItem, TableOrderView } from '../../src/lib/domain/order/table-order';
import { lotAccounts } from './lot-accounts.queries';
import { iso } from './read.queries';

/**
 * 扫码点餐 reads, straight from the events table (no table of their own): a shop's menu
 * (stock.product.upserted), what its lots still hold (purchases, sales, movements, recalls) and
 * its table orders (till.order.placed, paid once a table_qr sale names the order). A shop has
 * hundreds of products and lots, and the events are read within its own district and merchant
 * (the table's sort key), so these stay small.
 */

/** The till's list: the newest orders (a busy evening is well under this). */
const MAX_ORDERS = 100;
/** A shop's lots are hundreds at most. */
const MAX_LOTS = 2_000;

/** Each event once (the table folds copies only at merge time). */
const OF_SHOP = `districtId = {districtId:String} AND merchantId = {merchantId:String}`;

interface OrderRow {
	id: string;
	placedAt: string;
	payload: string;
	paidAt: string | null;
	refundedAt: string | null;
	refund: string;
}

export function orderQueries(store: Store) {
	const shop = (districtId: string, merchantId: string) => ({ districtId, merchantId });
	const toView = (districtId: string, merchantId: string, r: OrderRow): TableOrderView => {
		const p = JSON.parse(r.payload) as {
			orderId: string;
			table?: string;
			lines: TableOrderView['lines'];
			totalFen: number;
		};
		const refund = r.refundedAt
			? (JSON.parse(r.refund) as { reason: 'out_of_stock' | 'blocked'; productName?: string })
			: null;
		return {
			orderId: p.orderId,
			merchantId,
			districtId,
			table: p.table ?? null,
			lines: p.lines,
			totalFen: p.totalFen,
			placedAt: r.placedAt,
			// A sale wins over a refund: they never meet for one order (one gate decides), but if
			// they did the shop was paid and served.
			status: r.paidAt ? 'paid' : refund ? 'refunded' : 'placed',
			paidAt: r.paidAt,
			refund:
				refund && r.refundedAt
					? { reason: refund.reason, productName: refund.productName ?? null, at: r.refundedAt }
					: null
		};
	};
	/** Orders placed, each with when its table_qr sale was recorded (NULL: not paid) or refunded. */
	const ordersWhere = async (
		districtId: string,
		merchantId: string,
		filter: string,
		params: Record<string, unknown> = {}
	) => {
		const rows = await store.query<OrderRow>(
			`SELECT toString(o.id) AS id, ${iso('o.occurredAt')} AS placedAt, o.payload AS payload,
			        if(s.orderId = '', NULL, ${iso('s.paidAt')}) AS paidAt,
			        if(r.orderId = '', NULL, ${iso('r.refundedAt')}) AS refundedAt, r.refund AS refund
			 FROM (SELECT id, occurredAt, payload FROM events
			       WHERE ${OF_SHOP} AND type = 'till.order.placed' ${filter}
			       ORDER BY occurredAt DESC LIMIT 1 BY id LIMIT ${MAX_ORDERS}) AS o
			 LEFT JOIN (SELECT JSONExtractString(payload, 'orderId') AS orderId, min(occurredAt) AS paidAt
			            FROM events
			            WHERE ${OF_SHOP} AND type = 'till.sale.recorded'
			              AND JSONExtractString(payload, 'channel') = 'table_qr'
			            GROUP BY orderId) AS s
			   ON s.orderId = JSONExtractString(o.payload, 'orderId')
			 LEFT JOIN (SELECT JSONExtractString(payload, 'orderId') AS orderId,
			                   min(occurredAt) AS refundedAt, any(payload) AS refund
			            FROM events
			            WHERE ${OF_SHOP} AND type = 'till.order.refunded'
			            GROUP BY orderId) AS r
			   ON r.orderId = JSONExtractString(o.payload, 'orderId')
			 ORDER BY o.occurredAt DESC`,
			{ ...shop(districtId, merchantId), ...params }
		);
		return rows.map((r) => toView(districtId, merchantId, r));
	};

	return {
		/** The shop's products with a menu price that are not retired, by the latest upsert. */
		async menuProducts(districtId: string, merchantId: string) {
			const rows = await store.query<{ latest: string }>(
				`SELECT argMax(payload, occurredAt) AS latest FROM events
				 WHERE ${OF_SHOP} AND type = 'stock.product.upserted'
				 GROUP BY JSONExtractString(payload, 'sku')`,
				shop(districtId, merchantId)
			);
			const items: Omit<MenuItem, 'left'>[] = [];
			for (const r of rows) {
				const p = JSON.parse(r.latest) as {
					sku: string;
					name: string;
					category: MenuItem['category'];
					unit: string;
					priceFen?: number;
					retired?: boolean;
				};
				// A dish at ¥0 cannot be paid for through a provider: it is not on the table menu.
				if (!p.priceFen || p.retired) continue;
				items.push({
					sku: p.sku,
					name: p.name,
					category: p.category,
					unit: p.unit,
					priceFen: p.priceFen
				});
			}
			return items.sort(
				(a, b) => a.category.localeCompare(b.category) || a.name.localeCompare(b.name)
			);
		},

		/**
		 * Every lot of the shop with what it still holds and the open recalls naming it: the same
		 * accounts the till, the stock page and the traces read, so the menu offers what the
		 * payment's FIFO will find.
		 */
		async lotsHeld(merchantId: string) {
			return lotAccounts(store, {
				where: 'lots.merchantId = {merchantId:String}',
				params: { merchantId },
				limit: MAX_LOTS
			});
		},

		/** The shop's newest table orders, paid or not. */
		tableOrders(districtId: string, merchantId: string) {
			return ordersWhere(districtId, merchantId, '');
		},

		/** One order by its id (the placing event's id), or null. */
		async tableOrder(districtId: string, merchantId: string, orderId: string) {
			const [o] = await ordersWhere(
				districtId,
				merchantId,
				'AND id = toUUIDOrZero({orderId:String})',
				{
					orderId
				}
			);
			return o ?? null;
		}
	};
}
export type OrderQueries = ReturnType<typeof orderQueries>;

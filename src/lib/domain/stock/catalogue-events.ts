import { tillOrderPlaced, tillSaleRecorded } from '../events/till';

type Stored = { id: string; type: string; occurredAt: string; payload: unknown };

/** Table orders (扫码点餐) not yet paid: placed, and no sale of the same order id since. */
export function ordersAwaitingPayment(events: readonly Stored[]) {
	const paid = new Set<string>();
	for (const e of events) {
		if (e.type !== 'till.sale.recorded') continue;
		const p = tillSaleRecorded.safeParse(e.payload);
		if (p.success) paid.add(p.data.orderId);
	}
	return events.flatMap((e) => {
		if (e.type !== 'till.order.placed') return [];
		const p = tillOrderPlaced.safeParse(e.payload);
		if (!p.success || paid.has(p.data.orderId)) return [];
		return [{ ...p.data, placedAt: e.occurredAt }];
	});
}

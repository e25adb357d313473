import { stableEventId } from '../backbone/stable-id';

/**
 * What fixes the id of "the sale of table order X": the diner's online payment and the till
 * collecting the same order at the counter make the same event, so the order is sold once
 * whichever comes first (NATS dedup and the processor's recent ids keep the second out).
 */
export const tableSaleKey = (merchantId: string, orderId: string) =>
	`table-sale\n${merchantId}\n${orderId}`;

export const tableSaleEventId = (merchantId: string, orderId: string) =>
	stableEventId(tableSaleKey(merchantId, orderId));

/** The refund of a paid table order the shop could not serve: one per order, however often told. */
export const tableRefundEventId = (merchantId: string, orderId: string) =>
	stableEventId(`table-refund\n${merchantId}\n${orderId}`);

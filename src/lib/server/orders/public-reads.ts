import { publicMenu, tableOrderView } from '../../domain/order/table-order';
import { publicRead } from '../public-read';

/**
 * The read API's public paths for scan-to-order (no viewer: what they answer is public by
 * construction; asked with the web server's public-read ticket). Null when the shop or the
 * order is not there.
 */
export const menuOf = (merchantId: string) =>
	publicRead(`/public/merchants/${encodeURIComponent(merchantId)}/menu`, publicMenu);

export const orderOf = (merchantId: string, orderId: string) =>
	publicRead(
		`/public/merchants/${encodeURIComponent(merchantId)}/orders/${encodeURIComponent(orderId)}`,
		tableOrderView
	);

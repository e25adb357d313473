import type { z } from 'zod';
import { publicMenu, tableOrderView } from '../../domain/order/table-order';
import { config } from '../config';
import { ReadApiError } from '../read-api';

/**
 * The read API's open paths for scan-to-order (no ticket: what they answer is public by
 * construction). Null when the shop or the order is not there.
 */
async function openRead<S extends z.ZodType>(
	path: string,
	schema: S,
	timeoutMs = 5_000
): Promise<z.infer<S> | null> {
	const url = new URL(path, config().API_URL);
	let res: Response;
	try {
		res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
	} catch (cause) {
		throw new ReadApiError(`read API unreachable at ${url.origin}`, 503, { cause });
	}
	if (res.status === 404 || res.status === 400) return null;
	if (!res.ok) {
		throw new ReadApiError(`read API ${url.pathname} answered ${res.status}`, res.status);
	}
	const parsed = schema.safeParse(await res.json());
	if (!parsed.success) {
		throw new ReadApiError(`read API ${url.pathname} sent an unexpected shape`, 502);
	}
	return parsed.data;
}

export const menuOf = (merchantId: string) =>
	openRead(`/public/merchants/${encodeURIComponent(merchantId)}/menu`, publicMenu);

export const orderOf = (merchantId: string, orderId: string) =>
	openRead(
		`/public/merchants/${encodeURIComponent(merchantId)}/orders/${encodeURIComponent(orderId)}`,
		tableOrderView
	);

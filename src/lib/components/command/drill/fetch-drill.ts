import { merchantDrill, type MerchantDrill } from '$lib/domain/command/drill';

export type DrillLoad =
	| { kind: 'ready'; drill: MerchantDrill }
	| { kind: 'not_found' }
	| { kind: 'error'; status: number };

/**
 * The drill-down's answer, parsed like any other input. A 404 (no such merchant, or one outside
 * the viewer's districts: the server does not say which) is its own state, not an error.
 */
export async function fetchDrill(
	merchantId: string,
	signal?: AbortSignal,
	fetchFn: typeof fetch = fetch
): Promise<DrillLoad> {
	let res: Response;
	try {
		res = await fetchFn(`/api/command/merchants/${encodeURIComponent(merchantId)}`, {
			signal,
			headers: { accept: 'application/json' }
		});
	} catch (e) {
		if (signal?.aborted) throw e;
		return { kind: 'error', status: 0 };
	}
	if (res.status === 404) return { kind: 'not_found' };
	if (!res.ok) return { kind: 'error', status: res.status };
	const parsed = merchantDrill.safeParse(await res.json());
	return parsed.success ? { kind: 'ready', drill: parsed.data } : { kind: 'error', status: 502 };
}

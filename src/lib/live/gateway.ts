import { z } from 'zod';

const gatewayAnswer = z.object({
	gatewayUrl: z.url().nullable(),
	gatewayPort: z.number().int().min(1).max(65535),
	ticket: z.string().min(1)
});

/** A fresh ticket for the live gateway (asked again on every reconnect: tickets are short-lived). */
export async function fetchTicket(fetchFn: typeof fetch = fetch): Promise<string> {
	const res = await fetchFn('/api/command/live');
	if (!res.ok) throw new Error(`/api/command/live answered ${res.status}`);
	return gatewayAnswer.parse(await res.json()).ticket;
}

/**
 * Where the live gateway is: configured, or this page's own protocol and host on the gateway's
 * port (only the browser knows the protocol it used; behind a proxy the server may not).
 */
export async function fetchGatewayUrl(
	fetchFn: typeof fetch = fetch,
	here: Pick<Location, 'protocol' | 'hostname'> = location
): Promise<string> {
	const res = await fetchFn('/api/command/live');
	if (!res.ok) throw new Error(`/api/command/live answered ${res.status}`);
	const answer = gatewayAnswer.parse(await res.json());
	return answer.gatewayUrl ?? `${here.protocol}//${here.hostname}:${answer.gatewayPort}`;
}

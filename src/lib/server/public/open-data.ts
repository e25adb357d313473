import { json, type RequestEvent } from '@sveltejs/kit';
import { takeOpenData } from './rate-limits';

/**
 * An open-data answer: rate-limited per client address (429 with Retry-After), readable from
 * any origin (it is public), cacheable for the minute the web server reuses it anyway.
 */
export async function openData(
	event: RequestEvent,
	answer: () => Promise<{ status: number; body: unknown }>
): Promise<Response> {
	const cors = { 'access-control-allow-origin': '*' };
	const rate = takeOpenData(event.getClientAddress());
	if (!rate.allowed) {
		const seconds = Math.max(1, Math.ceil(rate.retryAfterMs / 1000));
		return json(
			{ error: `too many requests; try again in ${seconds} s` },
			{ status: 429, headers: { ...cors, 'retry-after': String(seconds) } }
		);
	}
	const { status, body } = await answer();
	return json(body, {
		status,
		headers: { ...cors, 'cache-control': status === 200 ? 'public, max-age=60' : 'no-store' }
	});
}

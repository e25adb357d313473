import type { Handle, HandleServerError } from '@sveltejs/kit';
import { securityHeaders } from '$lib/server/security-headers';
import { closeNats } from '$lib/server/nats';

// adapter-node emits this on SIGTERM/SIGINT once it stopped accepting requests; an open NATS
// connection would otherwise keep the process alive until it is killed.
process.on('sveltekit:shutdown', () => void closeNats());

/** Unexpected errors are logged with an id and answered without internals. */
export const handleError: HandleServerError = ({ error, event, status, message }) => {
	const errorId = crypto.randomUUID();
	if (status !== 404) {
		console.error(`[web] ${errorId} ${event.request.method} ${event.url.pathname}:`, error);
	}
	return { message: status === 404 ? message : 'internal error', errorId };
};

export const handle: Handle = async ({ event, resolve }) => {
	const resolved = await resolve(event);
	// A response passed through from fetch has immutable headers: copy it first.
	let response = resolved;
	try {
		response.headers.set('x-content-type-options', 'nosniff');
	} catch {
		response = new Response(resolved.body, resolved);
	}
	for (const [name, value] of Object.entries(securityHeaders)) {
		if (!response.headers.has(name)) response.headers.set(name, value);
	}
	return response;
};

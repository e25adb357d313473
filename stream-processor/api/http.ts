import type { TicketClaims } from '../../src/lib/domain/auth/claims';
import type { HttpRequest, HttpResponse, TemplatedApp } from 'uWebSockets.js';

export class HttpError extends Error {
	override name = 'HttpError';
	constructor(
		readonly status: number,
		message: string
	) {
		super(message);
	}
}

export interface Reply {
	status: number;
	body: unknown;
}

export interface ApiRequest {
	query: URLSearchParams;
	params: string[];
	/** The Authorization header, '' when absent. */
	authorization: string;
}

export type Handler = (req: ApiRequest) => Promise<Reply>;

/** How a route file mounts a ticket-checked GET (routes.ts's `route`). */
export type Route = (
	pattern: string,
	paramCount: number,
	handler: (req: ApiRequest, claims: TicketClaims) => Promise<Reply>
) => void;

/** How a route file mounts a `/public/*` GET: no viewer, but only for the web server. */
export type OpenRoute = (pattern: string, paramCount: number, handler: Handler) => void;

const statusText: Record<number, string> = {
	200: '200 OK',
	400: '400 Bad Request',
	401: '401 Unauthorized',
	403: '403 Forbidden',
	404: '404 Not Found',
	500: '500 Internal Server Error',
	503: '503 Service Unavailable'
};

/**
 * A GET route on the uWebSockets.js app. uWS hands out the request only synchronously and
 * the response may be aborted at any time, so both are handled here once for every route.
 */
export function get(
	app: TemplatedApp,
	pattern: string,
	paramCount: number,
	handler: Handler,
	log: (m: string) => void
): void {
	app.get(pattern, (res: HttpResponse, req: HttpRequest) => {
		let aborted = false;
		res.onAborted(() => {
			aborted = true;
		});
		// The request is only readable now, synchronously; decoding waits for the promise, so a
		// malformed escape (%E0%A4%A) is a 400 and not an exception in uWS's callback.
		const query = req.getQuery() ?? '';
		const authorization = req.getHeader('authorization');
		const raw = Array.from({ length: paramCount }, (_, i) => req.getParameter(i) ?? '');
		void Promise.resolve()
			.then(() => {
				let params: string[];
				try {
					params = raw.map((p) => decodeURIComponent(p));
				} catch {
					throw new HttpError(400, 'malformed URL');
				}
				return handler({ query: new URLSearchParams(query), params, authorization });
			})
			.catch((e: unknown) => {
				if (e instanceof HttpError) return { status: e.status, body: { error: e.message } };
				log(`read API ${pattern} failed: ${(e as Error).message}`);
				return { status: 500, body: { error: 'internal error' } };
			})
			.then((reply) => {
				if (aborted) return;
				res.cork(() => {
					res
						.writeStatus(statusText[reply.status] ?? `${reply.status} Error`)
						.writeHeader('content-type', 'application/json; charset=utf-8')
						.writeHeader('cache-control', 'no-store')
						.end(JSON.stringify(reply.body));
				});
			});
	});
}

export function notFound(app: TemplatedApp): void {
	app.any('/*', (res) => {
		res.cork(() => {
			res
				.writeStatus(statusText[404] as string)
				.writeHeader('content-type', 'application/json; charset=utf-8')
				.end(JSON.stringify({ error: 'no such endpoint' }));
		});
	});
}

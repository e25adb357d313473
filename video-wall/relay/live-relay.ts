import type {
	HttpRequest,
	HttpResponse,
	TemplatedApp,
	us_socket_context_t,
	WebSocket
} from 'uWebSockets.js';
import uWS from 'uWebSockets.js';
import type { TicketClaims } from '../../src/lib/domain/auth/claims';
import { mayWatch } from '../../src/lib/domain/video/access';
import { videoCloseCodes } from '../../src/lib/domain/video/protocol';
import type { CameraDirectory } from '../cameras/directory';
import type { SourceManager } from '../sources/source-manager';
import { admit } from './admission';
import { bearerOf } from './bearer';

interface Viewer {
	cameraId: string;
	/** Set when the socket is to be refused: closed in `open` before any byte of video. */
	refuse?: { code: number; reason: string };
	claims: TicketClaims | null;
	until?: number;
	isPublic: boolean;
	expiry?: ReturnType<typeof setTimeout>;
	closed?: boolean;
}

const topicOf = (cameraId: string) => `live/${cameraId}`;
const decoder = new TextDecoder();

/**
 * WS /live/:cameraId?ticket=: the camera's MPEG-TS for jsmpeg. The ticket is checked in the
 * upgrade (uWS's async pattern: read the request at once, answer after the await unless the
 * client went away). Every viewer of a camera subscribes to one topic fed by one encoder; a
 * viewer whose unsent bytes pass the limit is dropped with 4408 so it never slows the others.
 * A ticket's life is the socket's, unless the player sends `{"ticket":"<fresh>"}` in time.
 */
export class LiveRelay {
	readonly #viewers = new Map<string, Set<WebSocket<Viewer>>>();
	readonly #publicCount = new Map<string, number>();

	constructor(
		private readonly app: TemplatedApp,
		private readonly deps: {
			directory: CameraDirectory;
			sources: SourceManager;
			secret: string;
			publicCap: number;
			maxBackpressure: number;
			log: (m: string) => void;
		}
	) {
		app.ws<Viewer>('/live/:cameraId', {
			compression: uWS.DISABLED,
			maxPayloadLength: 16 * 1024,
			idleTimeout: 60,
			sendPingsAutomatically: true,
			// Above our own limit, so our check (with its close code) acts before uWS skips frames.
			maxBackpressure: deps.maxBackpressure * 4,
			upgrade: (res, req, context) => this.#upgrade(res, req, context),
			open: (ws) => this.#open(ws),
			message: (ws, message, isBinary) => {
				if (!isBinary) void this.#renew(ws, decoder.decode(message));
			},
			close: (ws) => this.#close(ws)
		});
	}

	/** Sends whole TS packets to every viewer of the camera; drops the ones too far behind. */
	publish(cameraId: string, packets: Buffer): void {
		const viewers = this.#viewers.get(cameraId);
		if (!viewers?.size) return;
		this.app.publish(topicOf(cameraId), packets, true);
		for (const ws of viewers) {
			if (ws.getBufferedAmount() > this.deps.maxBackpressure) {
				this.#end(ws, videoCloseCodes.slow, 'too slow');
			}
		}
	}

	/** Viewer counts per camera (for /healthz and the bench). */
	counts(): Record<string, { viewers: number; public: number }> {
		const out: Record<string, { viewers: number; public: number }> = {};
		for (const [id, set] of this.#viewers) {
			out[id] = { viewers: set.size, public: this.#publicCount.get(id) ?? 0 };
		}
		return out;
	}

	/** The camera is gone or its rights changed: let go of viewers who may no longer watch. */
	recheck(cameraId: string): void {
		const camera = this.deps.directory.get(cameraId);
		for (const ws of [...(this.#viewers.get(cameraId) ?? [])]) {
			const v = ws.getUserData();
			if (!camera) this.#end(ws, videoCloseCodes.unknown, 'camera removed');
			else if (!mayWatch(v.claims, camera))
				this.#end(ws, videoCloseCodes.forbidden, 'no longer allowed');
		}
	}

	/** Closes every viewer (shutdown). */
	closeAll(): void {
		for (const set of this.#viewers.values()) {
			for (const ws of [...set]) this.#end(ws, 1001, 'video service stopping');
		}
	}

	#upgrade(res: HttpResponse, req: HttpRequest, context: us_socket_context_t): void {
		// The request is only valid until the first await: read all of it now.
		const cameraId = req.getParameter(0);
		const ticket = req.getQuery('ticket') ?? '';
		const key = req.getHeader('sec-websocket-key');
		const protocol = req.getHeader('sec-websocket-protocol');
		const extensions = req.getHeader('sec-websocket-extensions');
		let aborted = false;
		res.onAborted(() => (aborted = true));
		void bearerOf(ticket, this.deps.secret).then((bearer) => {
			if (aborted) return;
			const camera = this.deps.directory.get(cameraId);
			const a = admit(bearer, camera, this.#publicCount.get(cameraId) ?? 0, this.deps.publicCap);
			const viewer: Viewer = a.ok
				? { cameraId, claims: a.claims, until: a.until, isPublic: a.isPublic }
				: { cameraId, claims: null, isPublic: false, refuse: { code: a.code, reason: a.reason } };
			res.cork(() => res.upgrade(viewer, key, protocol, extensions, context));
		});
	}

	#open(ws: WebSocket<Viewer>): void {
		const v = ws.getUserData();
		if (v.refuse) {
			ws.end(v.refuse.code, v.refuse.reason);
			return;
		}
		const camera = this.deps.directory.get(v.cameraId);
		// Checked again: the camera may have gone, or the cap filled, during the ticket check.
		const cap = v.isPublic && (this.#publicCount.get(v.cameraId) ?? 0) >= this.deps.publicCap;
		if (!camera || cap) {
			ws.end(
				camera ? videoCloseCodes.full : videoCloseCodes.unknown,
				camera ? 'too many viewers' : 'no such camera'
			);
			return;
		}
		let set = this.#viewers.get(v.cameraId);
		if (!set) this.#viewers.set(v.cameraId, (set = new Set()));
		set.add(ws);
		if (v.isPublic) this.#publicCount.set(v.cameraId, (this.#publicCount.get(v.cameraId) ?? 0) + 1);
		this.#armExpiry(ws);
		this.deps.sources.want(camera);
		// The latest GOP first (a picture at once), then live packets: nothing in between, since
		// both happen in this one synchronous turn.
		const primer = this.deps.sources.primer(v.cameraId);
		if (primer.length) ws.send(primer, true);
		ws.subscribe(topicOf(v.cameraId));
	}

	#close(ws: WebSocket<Viewer>): void {
		const v = ws.getUserData();
		v.closed = true;
		clearTimeout(v.expiry);
		const set = this.#viewers.get(v.cameraId);
		if (!set?.delete(ws)) return;
		if (set.size === 0) this.#viewers.delete(v.cameraId);
		if (v.isPublic)
			this.#publicCount.set(v.cameraId, Math.max(0, (this.#publicCount.get(v.cameraId) ?? 1) - 1));
		this.deps.sources.unwant(v.cameraId);
	}

	#end(ws: WebSocket<Viewer>, code: number, reason: string): void {
		const v = ws.getUserData();
		if (v.closed) return;
		v.closed = true;
		ws.end(code, reason);
	}

	#armExpiry(ws: WebSocket<Viewer>): void {
		const v = ws.getUserData();
		clearTimeout(v.expiry);
		if (v.until === undefined) return;
		v.expiry = setTimeout(
			() => this.#end(ws, videoCloseCodes.unauthorized, 'ticket expired'),
			Math.max(0, v.until - Date.now())
		);
	}

	/** `{"ticket": "…"}` from the player: a fresh ticket of the same bearer extends the socket. */
	async #renew(ws: WebSocket<Viewer>, text: string): Promise<void> {
		let ticket: unknown;
		try {
			ticket = (JSON.parse(text) as { ticket?: unknown }).ticket;
		} catch {
			return;
		}
		if (typeof ticket !== 'string') return;
		const bearer = await bearerOf(ticket, this.deps.secret);
		const v = ws.getUserData();
		if (v.closed || 'ticketError' in bearer || !bearer.claims) return;
		if (v.claims && v.claims.sub !== bearer.claims.sub) return;
		const camera = this.deps.directory.get(v.cameraId);
		if (!camera || !mayWatch(bearer.claims, camera)) return;
		v.claims = bearer.claims;
		v.until = bearer.until;
		this.#armExpiry(ws);
	}
}

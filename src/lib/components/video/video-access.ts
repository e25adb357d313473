import { videoTicket, type VideoTicket } from '$lib/domain/video/camera-list';
import { videoPaths } from '$lib/domain/video/protocol';

/** Tickets live for minutes; ask again well before, and on every reconnect after a refusal. */
const REUSE_MS = 30_000;

/**
 * Builds the video service's addresses with the viewer's ticket (a browser cannot set headers on
 * a WebSocket, so the ticket rides in the query). One per page; tiles share its ticket.
 */
export class VideoAccess {
	#answer: Promise<VideoTicket> | null = null;
	#at = 0;
	readonly #endpoint: string;
	readonly #fetch: typeof fetch;

	readonly #anonymous: VideoTicket | null;

	constructor(
		endpoint = '/api/video/ticket',
		fetchFn: typeof fetch = fetch,
		anonymous: VideoTicket | null = null
	) {
		this.#endpoint = endpoint;
		this.#fetch = fetchFn;
		this.#anonymous = anonymous;
	}

	/**
	 * A diner's access (the shop's public page): no ticket at all, so the video service shows
	 * only the cameras the merchant opened to the public.
	 */
	static anonymous(videoUrl: string): VideoAccess {
		return new VideoAccess('', fetch, { videoUrl, ticket: '' });
	}

	ticket(fresh = false): Promise<VideoTicket> {
		if (this.#anonymous) return Promise.resolve(this.#anonymous);
		if (fresh || !this.#answer || Date.now() - this.#at > REUSE_MS) {
			this.#at = Date.now();
			this.#answer = this.#fetch(this.#endpoint, { cache: 'no-store' }).then(async (res) => {
				if (!res.ok) throw new Error(`${this.#endpoint} answered ${res.status}`);
				return videoTicket.parse(await res.json());
			});
			this.#answer.catch(() => (this.#answer = null));
		}
		return this.#answer;
	}

	async liveUrl(cameraId: string): Promise<string> {
		return this.#socketUrl(videoPaths.live(cameraId), {});
	}

	async playbackUrl(cameraId: string, from: number, speed: number): Promise<string> {
		return this.#socketUrl(videoPaths.playback(cameraId), {
			from: String(Math.round(from)),
			speed: String(speed)
		});
	}

	async httpUrl(path: string, query: Record<string, string> = {}): Promise<string> {
		const { videoUrl, ticket } = await this.ticket();
		const url = new URL(path, videoUrl);
		for (const [k, v] of Object.entries(ticket ? { ...query, ticket } : query)) {
			url.searchParams.set(k, v);
		}
		return url.toString();
	}

	async #socketUrl(path: string, query: Record<string, string>): Promise<string> {
		const url = new URL(await this.httpUrl(path, query));
		url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
		return url.toString();
	}
}

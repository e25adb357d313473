import { lookup } from 'node:dns/promises';
import type { CameraSource } from '../../src/lib/domain/events/camera';
import {
	addressAllowed,
	checkSourceHost,
	withAddress
} from '../../src/lib/domain/video/source-address';

/** The source may not be connected to (its address, or one its name resolves to, is refused). */
export class SourceRefusedError extends Error {
	override name = 'SourceRefusedError';
}

/** What to connect to, checked: the source itself, or its RTSP address aimed at a checked IP. */
export type SourceGate = (source: CameraSource) => Promise<CameraSource>;

type Resolve = (host: string) => Promise<string[]>;

const resolveAll: Resolve = async (host) =>
	(await lookup(host, { all: true, verbatim: true })).map((a) => a.address);

/**
 * Checks a camera's address right before each ffmpeg connects to it (not only when it was
 * registered: a name may resolve elsewhere tomorrow — DNS rebinding — and events can reach the
 * stream without the web's check). A name is resolved here, every address must be allowed, and
 * ffmpeg gets the address checked instead of the name, so it resolves nothing itself. Throws a
 * SourceRefusedError when refused; a name that does not resolve is an ordinary failure (Error).
 */
export function sourceGate(allow: readonly string[], resolve: Resolve = resolveAll): SourceGate {
	return async (source) => {
		if (source.kind !== 'rtsp') return source;
		const host = checkSourceHost(source.url, allow);
		if (!host.ok) throw new SourceRefusedError(`refused address (${host.why})`);
		if (host.ip || allow.includes(host.host)) return source;
		let addresses: string[];
		try {
			addresses = await resolve(host.host);
		} catch (e) {
			// ffmpeg's own words for it, so the judge calls it unreachable.
			throw new Error(`name not known (${(e as NodeJS.ErrnoException).code ?? 'lookup failed'})`, {
				cause: e
			});
		}
		const first = addresses[0];
		if (!first) throw new Error('name not known (no address)');
		const refused = addresses.find((a) => !addressAllowed(a, allow));
		if (refused !== undefined) {
			throw new SourceRefusedError('refused address (name resolves to one)');
		}
		return { kind: 'rtsp', url: withAddress(source.url, first) };
	};
}

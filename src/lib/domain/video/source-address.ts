/**
 * Which camera addresses the video service may connect to. A merchant types the RTSP address and
 * the service's ffmpeg connects to it from the server: without a check a shop could aim it at the
 * server itself (127.0.0.1, ::1), the cloud's metadata service (169.254.169.254) or anything else
 * only the server reaches, and read the probe's outcome as a port scan.
 *
 * Refused: loopback, link-local, unspecified (0/8, ::), multicast, reserved (240/4, broadcast),
 * `localhost` names, and any IPv4 not written as a plain dotted quad (2130706433, 0x7f.1, 0177.0.0.1
 * and 127.1 all reach 127.0.0.1 through getaddrinfo). Allowed: public addresses and the private
 * ranges (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7), where real kitchen cameras live (an
 * NVR on the shop's LAN reached over a VPN). Pure: the web checks the address as typed, the video
 * service checks it again with every address the name resolves to, each time it connects.
 */

export type AddressClass =
	'public' | 'private' | 'loopback' | 'link_local' | 'unspecified' | 'multicast' | 'reserved';

/** Why an address is refused (for logs and the offline event's detail; never shown to shops). */
export type RefusedWhy =
	Exclude<AddressClass, 'public' | 'private'> | 'local_name' | 'non_canonical' | 'invalid';

export type HostCheck =
	{ ok: true; host: string; ip: boolean } | { ok: false; host: string; why: RefusedWhy };

const REFUSED: ReadonlySet<AddressClass> = new Set([
	'loopback',
	'link_local',
	'unspecified',
	'multicast',
	'reserved'
]);

/** Names that mean this machine (Debian's /etc/hosts has the ip6- ones). */
const LOCAL_NAMES = new Set([
	'localhost',
	'localhost.localdomain',
	'ip6-localhost',
	'ip6-loopback'
]);

const OCTET = '(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const DOTTED_QUAD = new RegExp(`^${OCTET}(\\.${OCTET}){3}$`);
/** A label getaddrinfo (inet_aton) may read as a number: decimal, octal (leading 0) or 0x hex. */
const NUMERIC_LABEL = /^(0x[0-9a-f]*|\d+)$/i;
const NAME = /^[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*\.?$/i;

/**
 * The parts of an rtsp:// address as ffmpeg splits it (libavformat `av_url_split`): the host
 * follows the last `@` before the first `/`, `?` or `#`; `[…]` holds an IPv6 address. Checking
 * the host ffmpeg will connect to, not the one another URL parser would see.
 */
export function splitRtspUrl(
	url: string
):
	| { scheme: string; auth: string; host: string; bracketed: boolean; portAndRest: string }
	| undefined {
	const m = /^(rtsps?):\/\/(.*)$/is.exec(url);
	if (!m) return undefined;
	const [, scheme = '', rest = ''] = m;
	const end = rest.search(/[/?#]/);
	const authority = end < 0 ? rest : rest.slice(0, end);
	const path = end < 0 ? '' : rest.slice(end);
	const at = authority.lastIndexOf('@');
	const auth = at < 0 ? '' : authority.slice(0, at + 1);
	const hostPort = authority.slice(at + 1);
	if (hostPort.startsWith('[')) {
		const close = hostPort.indexOf(']');
		if (close < 0) return undefined;
		return {
			scheme,
			auth,
			host: hostPort.slice(1, close),
			bracketed: true,
			portAndRest: hostPort.slice(close + 1) + path
		};
	}
	const colon = hostPort.indexOf(':');
	const host = colon < 0 ? hostPort : hostPort.slice(0, colon);
	return {
		scheme,
		auth,
		host,
		bracketed: false,
		portAndRest: (colon < 0 ? '' : hostPort.slice(colon)) + path
	};
}

/** The same address aimed at `ip` (a checked address of its host): ffmpeg then resolves nothing. */
export function withAddress(url: string, ip: string): string {
	const parts = splitRtspUrl(url);
	if (!parts) return url;
	const host = ip.includes(':') ? `[${ip}]` : ip;
	return `${parts.scheme}://${parts.auth}${host}${parts.portAndRest}`;
}

function ipv4Octets(s: string): number[] | undefined {
	return DOTTED_QUAD.test(s) ? s.split('.').map(Number) : undefined;
}

function classifyIPv4([a = 0, b = 0]: number[]): AddressClass {
	if (a === 0) return 'unspecified';
	if (a === 127) return 'loopback';
	if (a === 169 && b === 254) return 'link_local';
	if (a >= 224 && a <= 239) return 'multicast';
	if (a >= 240) return 'reserved';
	if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'private';
	if (a === 100 && b >= 64 && b <= 127) return 'private';
	return 'public';
}

/** Eight 16-bit groups, or undefined when it is not an IPv6 address (zones included: refused). */
function ipv6Groups(s: string): number[] | undefined {
	if (!/^[0-9a-f:.]+$/i.test(s)) return undefined;
	let text = s;
	let tail: number[] = [];
	const lastColon = s.lastIndexOf(':');
	if (lastColon < 0) return undefined;
	const last = s.slice(lastColon + 1);
	if (last.includes('.')) {
		// An IPv4 address as the last 32 bits ("::ffff:127.0.0.1").
		const v4 = ipv4Octets(last);
		if (!v4) return undefined;
		const [a = 0, b = 0, c = 0, d = 0] = v4;
		tail = [(a << 8) | b, (c << 8) | d];
		text = s.slice(0, lastColon);
		if (text.endsWith(':')) text += ':';
	}
	const halves = text.split('::');
	if (halves.length > 2) return undefined;
	const groups = (h: string | undefined) => (h ? h.split(':') : []);
	const [head, rest] = [groups(halves[0]), groups(halves[1])];
	if ([...head, ...rest].some((g) => !/^[0-9a-f]{1,4}$/i.test(g))) return undefined;
	const given = head.length + rest.length + tail.length;
	if (halves.length === 1 ? given !== 8 : given > 7) return undefined;
	const hex = (gs: string[]) => gs.map((g) => parseInt(g, 16));
	const zeros = new Array<number>(8 - given).fill(0);
	return [...hex(head), ...(halves.length === 2 ? zeros : []), ...hex(rest), ...tail];
}

function classifyIPv6(g: number[]): AddressClass {
	const [g0 = 0, g1 = 0, , , , g5 = 0, g6 = 0, g7 = 0] = g;
	const v4 = [g6 >> 8, g6 & 0xff, g7 >> 8, g7 & 0xff];
	const zeroUpTo = (n: number) => g.slice(0, n).every((x) => x === 0);
	if (zeroUpTo(8)) return 'unspecified';
	if (zeroUpTo(7) && g7 === 1) return 'loopback';
	// IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) reach
	// the IPv4 address inside: judged as that address.
	if (zeroUpTo(5) && (g5 === 0xffff || g5 === 0)) return classifyIPv4(v4);
	if (g0 === 0x64 && g1 === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return classifyIPv4(v4);
	if ((g0 & 0xffc0) === 0xfe80) return 'link_local';
	if ((g0 & 0xff00) === 0xff00) return 'multicast';
	if ((g0 & 0xfe00) === 0xfc00 || (g0 & 0xffc0) === 0xfec0) return 'private';
	return 'public';
}

/** The class of an IP address (a literal, or one a name resolved to); undefined: not an address. */
export function classifyAddress(ip: string): AddressClass | undefined {
	const v4 = ipv4Octets(ip);
	if (v4) return classifyIPv4(v4);
	const v6 = ipv6Groups(ip);
	return v6 ? classifyIPv6(v6) : undefined;
}

/** An address or name as the allow-list holds it: lower case, no brackets, no final dot. */
export function normalHost(host: string): string {
	return host
		.trim()
		.toLowerCase()
		.replace(/^\[(.*)\]$/, '$1')
		.replace(/\.$/, '');
}

/** Whether an address a name resolved to may be connected to (the allow-list wins). */
export function addressAllowed(ip: string, allow: readonly string[] = []): boolean {
	if (allow.includes(normalHost(ip))) return true;
	const c = classifyAddress(ip);
	return c !== undefined && !REFUSED.has(c);
}

/**
 * Checks the host of an rtsp:// address as typed. `ip` tells a literal address (nothing to
 * resolve) from a name (the video service resolves it and checks every address it gets).
 * Hosts in `allow` (e.g. 127.0.0.1 for the tests' camera) pass whatever they are.
 */
export function checkSourceHost(url: string, allow: readonly string[] = []): HostCheck {
	const parts = splitRtspUrl(url);
	if (!parts || !parts.host) return { ok: false, host: '', why: 'invalid' };
	const host = normalHost(parts.host);
	const isIp = classifyAddress(host) !== undefined;
	if (allow.includes(host)) return { ok: true, host, ip: isIp };
	if (parts.bracketed) {
		const c = classifyAddress(host);
		if (!c || !host.includes(':')) return { ok: false, host, why: 'invalid' };
		return REFUSED.has(c)
			? { ok: false, host, why: c as RefusedWhy }
			: { ok: true, host, ip: true };
	}
	const v4 = ipv4Octets(parts.host);
	if (v4) {
		const c = classifyIPv4(v4);
		return REFUSED.has(c)
			? { ok: false, host, why: c as RefusedWhy }
			: { ok: true, host, ip: true };
	}
	// Numbers that are not a plain dotted quad: getaddrinfo reads them as an address anyway.
	const labels = parts.host.replace(/\.$/, '').split('.');
	if (NUMERIC_LABEL.test(labels.at(-1) ?? '')) return { ok: false, host, why: 'non_canonical' };
	if (!NAME.test(parts.host)) return { ok: false, host, why: 'invalid' };
	if (LOCAL_NAMES.has(host) || host.endsWith('.localhost')) {
		return { ok: false, host, why: 'local_name' };
	}
	return { ok: true, host, ip: false };
}

/** The allow-list setting (`VIDEO_ALLOW_SOURCE_HOSTS`): comma-separated hosts or addresses. */
export function parseAllowList(value: string | undefined): string[] {
	return (value ?? '').split(',').map(normalHost).filter(Boolean);
}

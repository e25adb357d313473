/**
 * Headers every answer of the web server carries. Kit writes the Content-Security-Policy's
 * script rules (a nonce per page for its inline start-up script, svelte.config.js); this adds
 * what only the running server knows: where the live gateway is (connect-src) and who may frame
 * the page (nobody, except the configured embedders for /embed/*), and the video service.
 */
export const securityHeaders: Readonly<Record<string, string>> = {
	'x-content-type-options': 'nosniff',
	// same-origin, not no-referrer: with no-referrer Chromium posts forms with `Origin: null`, which
	// Kit's CSRF check (rightly) refuses. Nothing is sent to other sites either way.
	'referrer-policy': 'same-origin',
	'permissions-policy': 'camera=(), microphone=(), geolocation=()',
	'cross-origin-opener-policy': 'same-origin'
};

/** The default policy for answers Kit did not write one for (endpoints, errors). */
const fallbackPolicy = "default-src 'self'; base-uri 'self'; form-action 'self'; object-src 'none'";

function withDirective(policy: string, name: string, value: string): string {
	const kept = policy
		.split(';')
		.map((d) => d.trim())
		.filter((d) => d && !d.startsWith(`${name} `) && d !== name);
	return [...kept, `${name} ${value}`].join('; ');
}

function appendTo(policy: string, name: string, sources: string[]): string {
	if (sources.length === 0) return policy;
	const existing = policy
		.split(';')
		.map((d) => d.trim())
		.find((d) => d.startsWith(`${name} `));
	const value = existing
		? `${existing.slice(name.length + 1)} ${sources.join(' ')}`
		: `'self' ${sources.join(' ')}`;
	return withDirective(policy, name, value);
}

export interface PolicyContext {
	pathname: string;
	/** Kit's policy for this page, if it wrote one. */
	kitPolicy: string | null;
	/** Origins of the live gateway (and later video), http(s) and ws(s). */
	connectOrigins: string[];
	/** Who may frame /embed/* pages. */
	embedOrigins: string[];
	/** The video service's origin: snapshots (img-src) and recorded clips (media-src). */
	videoOrigin?: string;
}

export function contentSecurityPolicy(c: PolicyContext): {
	csp: string;
	frameOptions: string | null;
} {
	let policy = appendTo(c.kitPolicy ?? fallbackPolicy, 'connect-src', c.connectOrigins);
	if (c.videoOrigin) {
		const origin = new URL(c.videoOrigin).origin;
		policy = appendTo(policy, 'img-src', [origin]);
		policy = appendTo(policy, 'media-src', [origin, 'blob:']);
	}
	const embed = c.pathname === '/embed' || c.pathname.startsWith('/embed/');
	const ancestors = embed ? ["'self'", ...c.embedOrigins].join(' ') : "'none'";
	policy = withDirective(policy, 'frame-ancestors', ancestors);
	// X-Frame-Options cannot list origins: only sent where nobody may frame.
	return { csp: policy, frameOptions: embed ? null : 'DENY' };
}

/** http and ws forms of an origin, for connect-src (socket.io polls over http, then upgrades). */
export function gatewayOrigins(origin: string): string[] {
	const u = new URL(origin);
	const ws = u.protocol === 'https:' ? 'wss:' : 'ws:';
	return [u.origin, `${ws}//${u.host}`];
}

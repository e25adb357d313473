/**
 * Headers every answer of the web server carries. A full Content-Security-Policy for scripts
 * comes with issue 3 (Kit's nonces, the gateway's origin, /embed's allowed embedders); until
 * then the page may not be framed by anyone, types are not sniffed, and no referrer leaves.
 */
export const securityHeaders: Readonly<Record<string, string>> = {
	'content-security-policy':
		"frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'",
	'x-frame-options': 'DENY',
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'no-referrer',
	'permissions-policy': 'camera=(), microphone=(), geolocation=()',
	'cross-origin-opener-policy': 'same-origin'
};

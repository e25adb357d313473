import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, gatewayOrigins } from './security-headers';

const kit =
	"default-src 'self'; script-src 'self' 'nonce-abc'; connect-src 'self'; frame-ancestors 'self'";

describe('security headers', () => {
	it('auth - the gateway joins connect-src; Kit script nonces stay; nobody frames a page', () => {
		const { csp, frameOptions } = contentSecurityPolicy({
			pathname: '/command',
			kitPolicy: kit,
			connectOrigins: gatewayOrigins('http://10.0.0.5:3001'),
			embedOrigins: ['https://www.jinan.gov.cn']
		});
		expect(csp).toContain("script-src 'self' 'nonce-abc'");
		expect(csp).toContain("connect-src 'self' http://10.0.0.5:3001 ws://10.0.0.5:3001");
		expect(csp).toContain("frame-ancestors 'none'");
		expect(csp).not.toContain("frame-ancestors 'self'");
		expect(frameOptions).toBe('DENY');
	});

	it('auth - the video service joins connect-src, img-src (snapshots) and media-src', () => {
		const { csp } = contentSecurityPolicy({
			pathname: '/video',
			kitPolicy: `${kit}; img-src 'self' data: blob:`,
			connectOrigins: gatewayOrigins('http://10.0.0.5:3002'),
			embedOrigins: [],
			videoOrigin: 'http://10.0.0.5:3002'
		});
		expect(csp).toContain("connect-src 'self' http://10.0.0.5:3002 ws://10.0.0.5:3002");
		expect(csp).toContain("img-src 'self' data: blob: http://10.0.0.5:3002");
		expect(csp).toContain("media-src 'self' http://10.0.0.5:3002 blob:");
	});

	it('auth - /embed pages may be framed by the configured origins only', () => {
		const { csp, frameOptions } = contentSecurityPolicy({
			pathname: '/embed/m000001',
			kitPolicy: null,
			connectOrigins: gatewayOrigins('https://live.example.gov.cn'),
			embedOrigins: ['https://www.jinan.gov.cn']
		});
		expect(csp).toContain("frame-ancestors 'self' https://www.jinan.gov.cn");
		expect(csp).toContain(
			"connect-src 'self' https://live.example.gov.cn wss://live.example.gov.cn"
		);
		expect(csp).toContain("object-src 'none'");
		expect(frameOptions).toBeNull();
		// A look-alike path is not an embed page.
		expect(
			contentSecurityPolicy({
				pathname: '/embedded',
				kitPolicy: null,
				connectOrigins: [],
				embedOrigins: ['https://www.jinan.gov.cn']
			}).csp
		).toContain("frame-ancestors 'none'");
	});
});

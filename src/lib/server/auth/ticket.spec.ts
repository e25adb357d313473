import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { signTicket, ticketSecretProblem, verifyTicket } from './ticket';

const secret = 'a-test-secret-that-is-long-enough-0123456789';
const supervisor = { sub: 'u1', role: 'supervisor' as const, districts: ['370102'], merchants: [] };

describe('tickets', () => {
	it('tickets - a signed ticket verifies to its claims', async () => {
		expect(
			await verifyTicket(await signTicket(supervisor, secret, 'gateway'), secret, 'gateway')
		).toEqual(supervisor);
	});

	it('tickets - forged, tampered and expired tickets are refused', async () => {
		const good = await signTicket(supervisor, secret, 'read-api');
		await expect(
			verifyTicket(good, 'another-secret-of-the-same-length-000000', 'read-api')
		).rejects.toThrow('invalid ticket');
		const [h, p, s] = good.split('.');
		const payload = JSON.parse(Buffer.from(p!, 'base64url').toString());
		const widened = Buffer.from(
			JSON.stringify({ ...payload, districts: ['370102', '370103'] })
		).toString('base64url');
		await expect(verifyTicket(`${h}.${widened}.${s}`, secret, 'read-api')).rejects.toThrow(
			'invalid ticket'
		);
		await expect(verifyTicket(`${h}.${p}.`, secret, 'read-api')).rejects.toThrow('invalid ticket');
		const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${p}.`;
		await expect(verifyTicket(unsigned, secret, 'read-api')).rejects.toThrow('invalid ticket');
		const expired = await new SignJWT({ role: 'admin', districts: [], merchants: [] })
			.setProtectedHeader({ alg: 'HS256' })
			.setIssuedAt(Math.floor(Date.now() / 1000) - 120)
			.setSubject('u1')
			.setIssuer('fs-web')
			.setAudience('fs-read-api')
			.setExpirationTime(Math.floor(Date.now() / 1000) - 10)
			.sign(new TextEncoder().encode(secret));
		await expect(verifyTicket(expired, secret, 'read-api')).rejects.toThrow('ticket expired');
	});

	it('tickets - a signed ticket with an unknown role is refused', async () => {
		const odd = await new SignJWT({ role: 'superuser', districts: [], merchants: [] })
			.setProtectedHeader({ alg: 'HS256' })
			.setIssuedAt()
			.setSubject('u1')
			.setIssuer('fs-web')
			.setAudience('fs-read-api')
			.setExpirationTime('1m')
			.sign(new TextEncoder().encode(secret));
		await expect(verifyTicket(odd, secret, 'read-api')).rejects.toThrow('invalid ticket claims');
	});

	it('tickets - a missing or weak secret is refused unless explicitly in development', () => {
		expect(ticketSecretProblem(undefined, true)).toMatch(/missing/);
		expect(ticketSecretProblem('short', true)).toBeNull();
		expect(ticketSecretProblem('short', false)).toMatch(/too weak/);
		expect(ticketSecretProblem('a'.repeat(40), false)).toMatch(/too weak/);
		expect(ticketSecretProblem('changeme-changeme-changeme-changeme', false)).toMatch(/too weak/);
		expect(ticketSecretProblem('q8Zr0xT2mVb7LpK4sWn9YcE1uHd6GjA3', false)).toBeNull();
	});

	it('tickets - a ticket for the gateway is refused by the read API, and the other way round', async () => {
		const forBrowser = await signTicket(supervisor, secret, 'gateway');
		await expect(verifyTicket(forBrowser, secret, 'read-api')).rejects.toThrow('invalid ticket');
	});

	it('tickets - a ticket without expiry, or living longer than tickets do, is refused', async () => {
		const sign = (exp?: string) => {
			const jwt = new SignJWT({ role: 'admin', districts: [], merchants: [] })
				.setProtectedHeader({ alg: 'HS256' })
				.setSubject('u1')
				.setIssuer('fs-web')
				.setAudience('fs-read-api')
				.setIssuedAt();
			return (exp ? jwt.setExpirationTime(exp) : jwt).sign(new TextEncoder().encode(secret));
		};
		await expect(verifyTicket(await sign(), secret, 'read-api')).rejects.toThrow('invalid ticket');
		// iat now and exp in a year: maxTokenAge still ends it after 5 minutes; shown by iat in the past.
		const old = await new SignJWT({ role: 'admin', districts: [], merchants: [] })
			.setProtectedHeader({ alg: 'HS256' })
			.setSubject('u1')
			.setIssuer('fs-web')
			.setAudience('fs-read-api')
			.setIssuedAt(Math.floor(Date.now() / 1000) - 3_600)
			.setExpirationTime('365d')
			.sign(new TextEncoder().encode(secret));
		await expect(verifyTicket(old, secret, 'read-api')).rejects.toThrow();
	});
});

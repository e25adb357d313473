import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { signTicket, ticketSecretProblem, verifyTicket } from './ticket';

const secret = 'a-test-secret-that-is-long-enough-0123456789';
const supervisor = { sub: 'u1', role: 'supervisor' as const, districts: ['370102'], merchants: [] };

describe('tickets', () => {
	it('tickets - a signed ticket verifies to its claims', async () => {
		expect(await verifyTicket(await signTicket(supervisor, secret), secret)).toEqual(supervisor);
	});

	it('tickets - forged, tampered and expired tickets are refused', async () => {
		const good = await signTicket(supervisor, secret);
		await expect(verifyTicket(good, 'another-secret-of-the-same-length-000000')).rejects.toThrow(
			'invalid ticket'
		);
		const [h, p, s] = good.split('.');
		const payload = JSON.parse(Buffer.from(p!, 'base64url').toString());
		const widened = Buffer.from(
			JSON.stringify({ ...payload, districts: ['370102', '370103'] })
		).toString('base64url');
		await expect(verifyTicket(`${h}.${widened}.${s}`, secret)).rejects.toThrow('invalid ticket');
		await expect(verifyTicket(`${h}.${p}.`, secret)).rejects.toThrow('invalid ticket');
		const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${p}.`;
		await expect(verifyTicket(unsigned, secret)).rejects.toThrow('invalid ticket');
		const expired = await new SignJWT({ role: 'admin', districts: [], merchants: [] })
			.setProtectedHeader({ alg: 'HS256' })
			.setSubject('u1')
			.setIssuer('fs-web')
			.setAudience('fs-readers')
			.setExpirationTime(Math.floor(Date.now() / 1000) - 10)
			.sign(new TextEncoder().encode(secret));
		await expect(verifyTicket(expired, secret)).rejects.toThrow('ticket expired');
	});

	it('tickets - a signed ticket with an unknown role is refused', async () => {
		const odd = await new SignJWT({ role: 'superuser', districts: [], merchants: [] })
			.setProtectedHeader({ alg: 'HS256' })
			.setSubject('u1')
			.setIssuer('fs-web')
			.setAudience('fs-readers')
			.setExpirationTime('1m')
			.sign(new TextEncoder().encode(secret));
		await expect(verifyTicket(odd, secret)).rejects.toThrow('invalid ticket claims');
	});

	it('tickets - production refuses a missing or weak secret', () => {
		expect(ticketSecretProblem(undefined, false)).toMatch(/missing/);
		expect(ticketSecretProblem('short', false)).toBeNull();
		expect(ticketSecretProblem('short', true)).toMatch(/too weak/);
		expect(ticketSecretProblem('changeme-changeme-changeme-changeme', true)).toMatch(/too weak/);
		expect(ticketSecretProblem(secret, true)).toBeNull();
	});
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import { decodeJwt, SignJWT } from 'jose';
import type { TicketClaims } from '../../src/lib/domain/auth/claims';
import { roomDelta, type RoomDelta } from '../../src/lib/domain/live';
import { publishEvent } from '../../src/lib/server/backbone/publisher';
import { registered, sale } from '../helpers/events';
import { eventually, startPipeline, type Pipeline } from '../helpers/processor';
import { signTicket } from '../../src/lib/server/auth/ticket';
import { TEST_TICKET_SECRET, ticketFor } from '../helpers/tickets';

let p: Pipeline;
const supervisorA: TicketClaims = {
	sub: 'sup-a',
	role: 'supervisor',
	districts: ['370102'],
	merchants: []
};
const ownerA: TicketClaims = {
	sub: 'own-a',
	role: 'merchant_owner',
	districts: [],
	merchants: ['m-a']
};
/** Life of the tickets whose end the socket tests wait for. */
const TICKET_S = 5;
type Items = { items: { id?: string; merchantId?: string; districtId?: string }[] };

beforeAll(async () => {
	p = await startPipeline();
	await publishEvent(p.js, registered('m-a', '370102', '历下区甲店'));
	await publishEvent(p.js, registered('m-b', '370103', '市中区乙店'));
	await publishEvent(p.js, sale('m-a', { expiresOn: '2020-01-01' }));
	await publishEvent(p.js, sale('m-b', { districtId: '370103', expiresOn: '2020-01-01' }));
	await eventually(async () => {
		const { body } = await p.api('/api/alerts');
		return (body as Items).items.length === 2 ? true : undefined;
	});
});
afterAll(async () => {
	await p?.stop();
});

const raw = async (path: string, authorization?: string) => {
	const res = await fetch(`http://127.0.0.1:${p.processor.port}${path}`, {
		headers: authorization ? { authorization } : {}
	});
	return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};
/** A deny carries a reason and nothing else. */
const denied = (r: { status: number; body: Record<string, unknown> }, status: number) => {
	expect(r.status).toBe(status);
	expect(Object.keys(r.body)).toEqual(['error']);
};

describe('authorization - read API', () => {
	const endpoints = [
		'/api/merchants',
		'/api/merchants/points',
		'/api/merchants/m-a',
		'/api/events',
		'/api/alerts',
		'/api/stats',
		'/api/counts',
		'/api/snapshot'
	];

	it('auth - no ticket, a forged, an expired, a tampered or a browser ticket: 401 everywhere', async () => {
		const good = await ticketFor(supervisorA);
		const browsers = await ticketFor(undefined, 'gateway');
		const [h, payload, sig] = good.split('.');
		const widened = Buffer.from(
			JSON.stringify({
				...JSON.parse(Buffer.from(payload!, 'base64url').toString()),
				role: 'admin'
			})
		).toString('base64url');
		const forged = await new SignJWT({ role: 'admin', districts: [], merchants: [] })
			.setProtectedHeader({ alg: 'HS256' })
			.setSubject('x')
			.setIssuer('fs-web')
			.setAudience('fs-read-api')
			.setIssuedAt()
			.setExpirationTime('5m')
			.sign(new TextEncoder().encode('not-the-secret-not-the-secret-not-the-secret'));
		const expired = await new SignJWT({ role: 'admin', districts: [], merchants: [] })
			.setProtectedHeader({ alg: 'HS256' })
			.setSubject('x')
			.setIssuer('fs-web')
			.setAudience('fs-read-api')
			.setIssuedAt(Math.floor(Date.now() / 1000) - 120)
			.setExpirationTime(Math.floor(Date.now() / 1000) - 60)
			.sign(new TextEncoder().encode(TEST_TICKET_SECRET));
		for (const path of endpoints) {
			denied(await raw(path), 401);
			denied(await raw(path, `Bearer ${forged}`), 401);
			denied(await raw(path, `Bearer ${expired}`), 401);
			denied(await raw(path, `Bearer ${h}.${widened}.${sig}`), 401);
			denied(await raw(path, `Bearer ${browsers}`), 401);
		}
		expect((await raw('/api/merchants', `Bearer ${expired}`)).body.error).toBe('ticket expired');
		expect((await raw('/healthz')).status).toBe(200);
	});

	it('auth - a supervisor of district A sees A only: B by id is 404, B by filter 403, the city 403', async () => {
		const merchants = await p.api('/api/merchants', supervisorA);
		expect((merchants.body as Items).items.map((m) => m.id)).toEqual(['m-a']);
		const points = (await p.api('/api/merchants/points', supervisorA)).body as { rows: string[][] };
		expect(points.rows.map((r) => r[0])).toEqual(['m-a']);
		denied((await p.api('/api/merchants/m-b', supervisorA)) as never, 404);
		denied((await p.api('/api/merchants?district=370103', supervisorA)) as never, 403);
		denied((await p.api('/api/alerts?district=370103', supervisorA)) as never, 403);
		const alerts = (await p.api('/api/alerts', supervisorA)).body as Items;
		expect(alerts.items.map((a) => a.merchantId)).toEqual(['m-a']);
		const events = (await p.api('/api/events?merchantId=m-b', supervisorA)).body as Items;
		expect(events.items).toEqual([]);
		denied((await p.api('/api/snapshot?room=city', supervisorA)) as never, 403);
		denied((await p.api('/api/counts?room=district:370103', supervisorA)) as never, 403);
		expect((await p.api('/api/snapshot?room=district:370102', supervisorA)).status).toBe(200);
		denied((await p.api('/api/stats', supervisorA)) as never, 403);
	});

	it('auth - an event filed under another district than its merchant’s is refused at ingest', async () => {
		const misfiled = sale('m-b', { districtId: '370102' });
		await publishEvent(p.js, misfiled);
		const marker = sale('m-b', { districtId: '370103' });
		await publishEvent(p.js, marker);
		await eventually(async () => {
			const { body } = await p.api('/api/events?merchantId=m-b');
			return (body as Items).items.some((i) => i.id === marker.id) ? true : undefined;
		});
		const seen = (await p.api('/api/events', supervisorA)).body as Items;
		expect(seen.items.some((i) => i.merchantId === 'm-b')).toBe(false);
		const info = await p.jsm.streams.info('FS_DLQ');
		const last = await p.jsm.streams.getMessage('FS_DLQ', { seq: info.state.last_seq });
		expect(last?.header.get('Fs-Reason')).toMatch(/registered in district 370103, not 370102/);
	});

	it('auth - a merchant sees its own merchant only, never a competitor', async () => {
		expect(((await p.api('/api/merchants', ownerA)).body as Items).items.map((m) => m.id)).toEqual([
			'm-a'
		]);
		expect((await p.api('/api/merchants/m-a', ownerA)).status).toBe(200);
		denied((await p.api('/api/merchants/m-b', ownerA)) as never, 404);
		expect(
			((await p.api('/api/alerts', ownerA)).body as Items).items.map((a) => a.merchantId)
		).toEqual(['m-a']);
		denied((await p.api('/api/snapshot?room=district:370102', ownerA)) as never, 403);
	});

	it('auth - an admin sees every district', async () => {
		const all = (await p.api('/api/merchants')).body as Items;
		expect(all.items.map((m) => m.id).sort()).toEqual(['m-a', 'm-b']);
		expect((await p.api('/api/snapshot?room=city')).status).toBe(200);
	});
});

describe('authorization - live gateway', () => {
	const join = async (room: string, ticket?: string) => {
		const socket = io(`http://127.0.0.1:${p.processor.port}`, {
			transports: ['websocket'],
			reconnection: false,
			...(ticket === undefined ? {} : { auth: { ticket } })
		});
		try {
			return await new Promise<{ ok: boolean; error?: string }>((resolve) => {
				socket.on('connect_error', (e) => resolve({ ok: false, error: `connect: ${e.message}` }));
				socket.on('connect', () =>
					socket.emit('join', { room }, (a: { ok: boolean; error?: string }) => resolve(a))
				);
			});
		} finally {
			socket.close();
		}
	};

	it('auth - rooms follow the ticket: public for anyone, districts by scope, bad tickets not connected', async () => {
		expect((await join('public')).ok).toBe(true);
		expect(await join('city')).toEqual({ ok: false, error: 'room outside your jurisdiction' });
		const a = await ticketFor(supervisorA, 'gateway');
		// A read-API ticket is no key to the gateway.
		expect(await join('district:370102', await ticketFor(supervisorA))).toEqual({
			ok: false,
			error: 'connect: invalid ticket'
		});
		expect((await join('district:370102', a)).ok).toBe(true);
		expect((await join('district:370103', a)).ok).toBe(false);
		expect((await join('city', a)).ok).toBe(false);
		expect((await join('merchant:m-a', await ticketFor(ownerA, 'gateway'))).ok).toBe(true);
		expect((await join('merchant:m-b', await ticketFor(ownerA, 'gateway'))).ok).toBe(false);
		expect((await join('city', await ticketFor(undefined, 'gateway'))).ok).toBe(true);
		expect(await join('city', `${a}x`)).toEqual({ ok: false, error: 'connect: invalid ticket' });
	});

	it('auth - a socket is let go when its ticket ends, so lost rights do not outlive a ticket', async () => {
		// Short, but long enough to connect and join on a busy machine: the join must come before
		// the end (a JWT's end is in whole seconds, so a 2 s ticket may end 1 s after signing).
		const short = await signTicket(supervisorA, TEST_TICKET_SECRET, 'gateway', TICKET_S);
		const socket = io(`http://127.0.0.1:${p.processor.port}`, {
			transports: ['websocket'],
			reconnection: false,
			auth: { ticket: short }
		});
		const disconnected = new Promise<string>((resolve) => socket.on('disconnect', resolve));
		try {
			await new Promise<void>((resolve) => socket.on('connect', resolve));
			const joined = await socket.timeout(15_000).emitWithAck('join', { room: 'district:370102' });
			expect((joined as { ok: boolean }).ok).toBe(true);
			expect(await disconnected).toBe('io server disconnect');
		} finally {
			socket.close();
		}
	});

	it('auth - a renewed ticket keeps the socket; a narrower one leaves rooms it no longer covers', async () => {
		const city: TicketClaims = { ...supervisorA, districts: ['370102', '370103'] };
		const first = await signTicket(city, TEST_TICKET_SECRET, 'gateway', TICKET_S);
		const socket = io(`http://127.0.0.1:${p.processor.port}`, {
			transports: ['websocket'],
			reconnection: false,
			auth: { ticket: first }
		});
		// An answer that never comes (the socket let go) fails here, not at the test's timeout.
		const emit = <T>(event: string, frame: unknown) =>
			socket.timeout(15_000).emitWithAck(event, frame) as Promise<T>;
		let disconnected = false;
		socket.on('disconnect', () => (disconnected = true));
		const rooms: RoomDelta[] = [];
		try {
			await new Promise<void>((resolve) => socket.on('connect', resolve));
			expect((await emit<{ ok: boolean }>('join', { room: 'district:370103' })).ok).toBe(true);
			expect((await emit<{ ok: boolean }>('join', { room: 'district:370102' })).ok).toBe(true);
			const narrower = await signTicket(supervisorA, TEST_TICKET_SECRET, 'gateway', 60);
			expect(await emit('renew', { ticket: narrower })).toEqual({ ok: true });
			// The server left the rooms before it answered, and a socket keeps its order: every delta
			// from here on was sent after the leave.
			socket.on('delta', (d: unknown) => rooms.push(roomDelta.parse(d)));
			const other = await signTicket(ownerA, TEST_TICKET_SECRET, 'gateway', 60);
			expect(await emit('renew', { ticket: other })).toEqual({
				ok: false,
				error: 'ticket of another user'
			});
			expect(await emit('renew', { ticket: `${narrower}x` })).toEqual({
				ok: false,
				error: 'invalid ticket'
			});
			// Past the first ticket's end the socket is still there: it still answers.
			const firstEnds = (decodeJwt(first).exp ?? 0) * 1000;
			await new Promise((r) => setTimeout(r, Math.max(0, firstEnds - Date.now()) + 100));
			expect((await emit<{ ok: boolean }>('snapshot', { room: 'district:370102' })).ok).toBe(true);
			expect(disconnected).toBe(false);
			// Both rooms get an event, 370103's first: once the kept room has shown its own and the
			// delta of a later tick, a delta of the dropped room would have come before.
			const heard = (e: { id: string }) =>
				eventually(
					async () => rooms.find((d) => d.feed.some((f) => f.id === e.id)),
					20_000,
					`the delta with ${e.id}`
				);
			await publishEvent(p.js, sale('m-b', { districtId: '370103' }));
			const kept = sale('m-a');
			await publishEvent(p.js, kept);
			expect((await heard(kept)).room).toBe('district:370102');
			const later = sale('m-a');
			await publishEvent(p.js, later);
			await heard(later);
			expect(rooms.map((d) => d.room)).not.toContain('district:370103');
			expect(disconnected).toBe(false);
		} finally {
			socket.close();
		}
	});
});

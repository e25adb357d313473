import type { NatsConnection } from '@nats-io/transport-node';
import { decodeJwt } from 'jose';
import { Server } from 'socket.io';
import type { TemplatedApp } from 'uWebSockets.js';
import { joinRequest, roomDelta, roomSnapshot, type RoomSnapshot } from '../../src/lib/domain/live';
import { subjects } from '../../src/lib/domain/subjects';
import type { TicketClaims } from '../../src/lib/domain/auth/claims';
import { mayJoinRoom } from '../../src/lib/domain/auth/policy';
import { TICKET_TTL_SECONDS, TicketError, verifyTicket } from '../../src/lib/server/auth/ticket';

type Ack = (answer: { ok: true; snapshot: RoomSnapshot } | { ok: false; error: string }) => void;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * The live gateway: socket.io on the uWebSockets.js app. It forwards `fs.live.<room>` deltas to
 * the sockets in that room, and gives a joining socket the room's snapshot first. A socket
 * shows its ticket when it connects (`auth: { ticket }`); which rooms it may join follows from
 * the ticket alone. Without a ticket only `public` is open.
 */
export function startGateway(
	app: TemplatedApp,
	nc: NatsConnection,
	options: { origins: string[]; ticketSecret: string; districtIds: readonly string[] }
) {
	const io = new Server({
		cors: { origin: options.origins.length > 0 ? options.origins : true },
		transports: ['websocket', 'polling'],
		// Frames from browsers are tiny; anything big is not ours.
		maxHttpBufferSize: 16 * 1024
	});
	io.attachApp(app);
	io.use((socket, next) => {
		const ticket: unknown = (socket.handshake.auth as { ticket?: unknown } | undefined)?.ticket;
		if (ticket === undefined) {
			socket.data.claims = null;
			next();
			return;
		}
		if (typeof ticket !== 'string') {
			next(new Error('invalid ticket'));
			return;
		}
		verifyTicket(ticket, options.ticketSecret, 'gateway').then(
			(claims) => {
				socket.data.claims = claims;
				// Verified above, so its expiry can be read as it stands.
				const exp = decodeJwt(ticket).exp;
				socket.data.until = exp ? exp * 1000 : Date.now() + TICKET_TTL_SECONDS * 1000;
				next();
			},
			(e: unknown) => next(new Error(e instanceof TicketError ? e.message : 'invalid ticket'))
		);
	});

	const snapshot = async (room: string): Promise<RoomSnapshot> => {
		const reply = await nc.request(subjects.snapshot, encoder.encode(JSON.stringify({ room })), {
			timeout: 2_000
		});
		const body = JSON.parse(decoder.decode(reply.data)) as {
			ok: boolean;
			snapshot?: unknown;
			error?: string;
		};
		if (!body.ok) throw new Error(body.error ?? 'snapshot refused');
		return roomSnapshot.parse(body.snapshot);
	};

	const answer =
		(join: boolean) =>
		(socket: import('socket.io').Socket) =>
		async (frame: unknown, ack: unknown) => {
			if (typeof ack !== 'function') return;
			const reply = ack as Ack;
			const parsed = joinRequest.safeParse(frame);
			if (!parsed.success) {
				reply({
					ok: false,
					error: `invalid request: ${parsed.error.issues[0]?.message ?? 'expected { room }'}`
				});
				return;
			}
			const data = socket.data as { claims?: TicketClaims | null; until?: number };
			const claims =
				data.until === undefined || data.until > Date.now() ? (data.claims ?? null) : null;
			if (!mayJoinRoom(claims, parsed.data.room, options.districtIds)) {
				reply({ ok: false, error: 'room outside your jurisdiction' });
				return;
			}
			if (join) await socket.join(parsed.data.room);
			try {
				reply({ ok: true, snapshot: await snapshot(parsed.data.room) });
			} catch (e) {
				reply({ ok: false, error: `snapshot unavailable: ${(e as Error).message}` });
			}
		};
	const onJoin = answer(true);
	const onSnapshot = answer(false);

	io.on('connection', (socket) => {
		// A ticket's life is the socket's: at its end the socket is let go unless it showed a fresh
		// ticket (`renew`) meanwhile, which a disabled user or one whose scope shrank no longer
		// gets. So nobody keeps watching a room for longer than a ticket lives after losing the right.
		let timer: ReturnType<typeof setTimeout> | undefined;
		const expireAt = (until: number | undefined) => {
			clearTimeout(timer);
			if (until !== undefined) {
				timer = setTimeout(() => socket.disconnect(true), Math.max(0, until - Date.now()));
			}
		};
		expireAt((socket.data as { until?: number }).until);
		socket.on('disconnect', () => clearTimeout(timer));
		socket.on('renew', (frame: unknown, ack: unknown) => {
			const reply = typeof ack === 'function' ? (ack as (a: unknown) => void) : () => {};
			const ticket = (frame as { ticket?: unknown } | null)?.ticket;
			if (typeof ticket !== 'string') {
				reply({ ok: false, error: 'expected { ticket }' });
				return;
			}
			verifyTicket(ticket, options.ticketSecret, 'gateway').then(
				(claims) => {
					const data = socket.data as { claims?: TicketClaims | null; until?: number };
					if (data.claims && data.claims.sub !== claims.sub) {
						reply({ ok: false, error: 'ticket of another user' });
						return;
					}
					data.claims = claims;
					data.until = (decodeJwt(ticket).exp ?? 0) * 1000;
					expireAt(data.until);
					// Rooms the new scope no longer covers are left at once.
					for (const room of socket.rooms) {
						if (room !== socket.id && !mayJoinRoom(claims, room, options.districtIds)) {
							void socket.leave(room);
						}
					}
					reply({ ok: true });
				},
				(e: unknown) =>
					reply({ ok: false, error: e instanceof TicketError ? e.message : 'invalid ticket' })
			);
		});
		socket.on('join', onJoin(socket));
		socket.on('snapshot', onSnapshot(socket));
		socket.on('leave', (frame: unknown) => {
			const parsed = joinRequest.safeParse(frame);
			if (parsed.success) void socket.leave(parsed.data.room);
		});
	});

	const sub = nc.subscribe(subjects.live, {
		callback: (err, msg) => {
			if (err) return;
			try {
				const delta = roomDelta.parse(JSON.parse(decoder.decode(msg.data)));
				io.to(delta.room).emit('delta', delta);
			} catch {
				// Not ours to forward: the processor is the only publisher on fs.live.
			}
		}
	});

	return {
		io,
		close: async () => {
			sub.unsubscribe();
			await new Promise<void>((resolve) => {
				void io.close(() => resolve());
			});
		}
	};
}

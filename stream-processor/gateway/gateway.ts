import type { NatsConnection } from '@nats-io/transport-node';
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
				// Joining stops when the ticket ends; rooms already joined stay (the socket asks for a
				// fresh ticket when it reconnects).
				socket.data.until = Date.now() + TICKET_TTL_SECONDS * 1000;
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

import { jetstream } from '@nats-io/jetstream';
import type { PubAck } from '@nats-io/jetstream';
import type { PersonRole } from '../domain/auth/claims';
import { makeEvent, type NewEvent } from '../domain/events/make';
import type { EventType, FsEvent } from '../domain/events';
import { publishEvent } from './backbone/publisher';
import { eventList } from '../domain/read-model';
import type { TicketClaims } from '../domain/auth/claims';
import { nats } from './nats';
import { readApi } from './read-api';

/** The actor kind of each role: who a page event says did it. */
export const actorKinds: Record<PersonRole, FsEvent['actor']['kind']> = {
	admin: 'admin',
	supervisor: 'supervisor',
	inspector: 'inspector',
	merchant_owner: 'merchant',
	merchant_staff: 'staff'
};

/**
 * Publishes an event a signed-in person made through a page: the actor is the session's user
 * (never a form field), and the event is validated like every other before it leaves.
 */
export async function recordEvent<T extends EventType>(
	viewer: { user: { username: string; role: PersonRole } },
	input: Omit<NewEvent<T>, 'actor'>
): Promise<{ event: FsEvent; ack: PubAck }> {
	const event = makeEvent({
		...input,
		actor: { kind: actorKinds[viewer.user.role], id: viewer.user.username }
	} as NewEvent<T>) as FsEvent;
	const { nc } = await nats();
	return { event, ack: await publishEvent(jetstream(nc), event) };
}

/**
 * Asks `check` until it says yes or the time is up (false). The pages use it to land on a view
 * that already shows what was just recorded; past the bound the event is still safe in the
 * stream (its publish was acknowledged), the page only shows it a moment later.
 */
export async function pollUntil(
	check: () => Promise<boolean>,
	{ timeoutMs = 3_000, everyMs = 100 } = {}
): Promise<boolean> {
	const until = Date.now() + timeoutMs;
	while (Date.now() < until) {
		if (await check()) return true;
		await new Promise((r) => setTimeout(r, everyMs));
	}
	return false;
}

/** Waits (bounded) until the store holds an event this person just recorded. */
export function untilStored(
	claims: TicketClaims,
	event: FsEvent,
	options?: { timeoutMs?: number; everyMs?: number }
): Promise<boolean> {
	const path = `/api/events?merchantId=${encodeURIComponent(event.merchantId)}&type=${event.type}&limit=5`;
	return pollUntil(
		async () => (await readApi(claims, path, eventList)).items.some((e) => e.id === event.id),
		options
	);
}

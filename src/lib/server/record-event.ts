import { jetstream } from '@nats-io/jetstream';
import type { PubAck } from '@nats-io/jetstream';
import type { Role } from '../domain/auth/claims';
import { makeEvent, type NewEvent } from '../domain/events/make';
import type { EventType, FsEvent } from '../domain/events';
import { publishEvent } from './backbone/publisher';
import { nats } from './nats';

const actorKinds: Record<Role, FsEvent['actor']['kind']> = {
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
	viewer: { user: { username: string; role: Role } },
	input: Omit<NewEvent<T>, 'actor'>
): Promise<{ event: FsEvent; ack: PubAck }> {
	const event = makeEvent({
		...input,
		actor: { kind: actorKinds[viewer.user.role], id: viewer.user.username }
	} as NewEvent<T>) as FsEvent;
	const { nc } = await nats();
	return { event, ack: await publishEvent(jetstream(nc), event) };
}

import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { User } from '../../domain/accounts/index';
import { ensureStreams } from '../backbone/streams';
import { Accounts } from './accounts';
import { UserDirectory } from './directory';
import { SessionStore, type Session, type SessionLimits } from './sessions';
import { SignIn } from './sign-in';
import { SignInThrottle } from './throttle-store';

export interface AccountServices {
	accounts: Accounts;
	signIn: SignIn;
	directory: UserDirectory;
	sessions: SessionStore;
	/** The signed-in user a session cookie stands for, or null (and a void session is ended). */
	resume(cookie: string | undefined): Promise<{ user: User; session: Session } | null>;
	close(): void;
}

export const defaultSessionLimits: SessionLimits = {
	idleMs: 2 * 60 * 60_000,
	maxMs: 12 * 60 * 60_000
};

/** Accounts, sessions and sign-in over one NATS connection: the web server, the CLI and tests. */
export async function openAccountServices(
	nc: NatsConnection,
	{ limits = defaultSessionLimits, log = console.warn } = {}
): Promise<AccountServices> {
	const js = jetstream(nc);
	const jsm = await jetstreamManager(nc);
	await ensureStreams(jsm);
	const [directory, sessions, throttle] = await Promise.all([
		UserDirectory.open(js, jsm, log),
		SessionStore.open(js, limits),
		SignInThrottle.open(js)
	]);
	return {
		accounts: new Accounts(js, directory, sessions),
		signIn: new SignIn(js, directory, sessions, throttle, log),
		directory,
		sessions,
		async resume(cookie) {
			const session = await sessions.resume(cookie);
			if (!session) return null;
			const user = directory.get(session.username);
			// Disabled, or the password or access changed since: this session is over.
			if (!user || user.disabled || user.sessionEpoch !== session.epoch) {
				await sessions.end(session.username, session.id);
				return null;
			}
			return { user, session };
		},
		close: () => directory.close()
	};
}

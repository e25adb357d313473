import type { JetStreamClient } from '@nats-io/jetstream';
import {
	accountEvent,
	username as usernameSchema,
	type AccountEventOf,
	type User
} from '../../domain/accounts/index';
import { uuidv7 } from '../../domain/ids';
import { signInSubject } from '../../domain/subjects';
import type { UserDirectory } from './directory';
import { burnVerify, verifyPassword } from './passwords';
import type { SessionStore } from './sessions';
import type { SignInThrottle } from './throttle-store';

export interface SignInRequest {
	username: string;
	password: string;
	address: string;
	userAgent: string;
}

export type SignInResult =
	| { ok: true; user: User; cookie: string; sessionId: string }
	/** Both unknown users, wrong passwords and disabled users are `refused`: none is told apart. */
	| { ok: false; reason: 'refused' }
	| { ok: false; reason: 'throttled'; retryAfterMs: number };

type SignInEvent = AccountEventOf<'user.signed_in' | 'user.signed_out' | 'user.sign_in_refused'>;

/** Signing in and out: throttled, timed the same for every refusal, and recorded on FS_SIGNINS. */
export class SignIn {
	constructor(
		private readonly js: JetStreamClient,
		private readonly directory: UserDirectory,
		private readonly sessions: SessionStore,
		private readonly throttle: SignInThrottle,
		private readonly log: (m: string) => void = console.warn
	) {}

	async signIn(req: SignInRequest): Promise<SignInResult> {
		const typed = req.username.trim().toLowerCase();
		const wait = await this.throttle.wait(typed, req.address);
		if (wait > 0) {
			await this.#record(typed, 'user.sign_in_refused', req.address, { reason: 'throttled' });
			return { ok: false, reason: 'throttled', retryAfterMs: wait };
		}
		const user = this.directory.get(typed);
		const passwordOk = user
			? await verifyPassword(user.passwordHash, req.password)
			: (await burnVerify(req.password), false);
		if (!user || !passwordOk || user.disabled) {
			await this.throttle.failed(typed, req.address);
			const reason = user && passwordOk ? 'disabled' : 'bad_credentials';
			await this.#record(typed, 'user.sign_in_refused', req.address, { reason });
			return { ok: false, reason: 'refused' };
		}
		await this.throttle.succeeded(typed);
		const { cookie, id } = await this.sessions.start({
			username: user.username,
			epoch: user.sessionEpoch,
			address: req.address.slice(0, 64),
			userAgent: req.userAgent.slice(0, 300)
		});
		await this.#record(user.username, 'user.signed_in', req.address, { session: id.slice(0, 16) });
		return { ok: true, user, cookie, sessionId: id };
	}

	async signOut(username: string, sessionId: string, address: string): Promise<void> {
		await this.sessions.end(username, sessionId);
		await this.#record(username, 'user.signed_out', address, { session: sessionId.slice(0, 16) });
	}

	/** Audit record of an attempt. A typed name that cannot be a username is logged, not streamed. */
	async #record<T extends SignInEvent['type']>(
		typed: string,
		type: T,
		address: string,
		payload: AccountEventOf<T>['payload']
	): Promise<void> {
		const name = usernameSchema.safeParse(typed);
		if (!name.success) {
			this.log(`[sign-in] ${type} for a malformed username from ${address}`);
			return;
		}
		const event = accountEvent.parse({
			id: uuidv7(),
			type,
			v: 1,
			at: new Date().toISOString(),
			username: name.data,
			actor: { id: name.data, address: address.slice(0, 64) },
			payload
		});
		await this.js.publish(signInSubject(name.data), JSON.stringify(event), { msgID: event.id });
	}
}

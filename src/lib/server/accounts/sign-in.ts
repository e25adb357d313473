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
		const check = await this.#check(typed, req.password, req.address);
		if (!check.ok) return check;
		const user = check.user;
		const { cookie, id } = await this.sessions.start({
			username: user.username,
			epoch: user.sessionEpoch,
			address: req.address.slice(0, 64),
			userAgent: req.userAgent.slice(0, 300)
		});
		await this.#record(user.username, 'user.signed_in', req.address, { session: id.slice(0, 16) });
		return { ok: true, user, cookie, sessionId: id };
	}

	/**
	 * Checks a signed-in user's current password (before they change it) under the same throttle
	 * and audit as a sign-in: a stolen session cannot be used to guess the password.
	 */
	async confirmPassword(
		username: string,
		password: string,
		address: string
	): Promise<Exclude<SignInResult, { ok: true }> | { ok: true }> {
		const check = await this.#check(username, password, address);
		return check.ok ? { ok: true } : check;
	}

	/**
	 * One try: claimed (and counted) under the throttle first, then the password checked, the
	 * same work done for an unknown user, and every refusal recorded.
	 */
	async #check(
		typed: string,
		password: string,
		address: string
	): Promise<{ ok: true; user: User } | Exclude<SignInResult, { ok: true }>> {
		const claim = await this.throttle.claim(typed, address);
		if (!claim.ok) {
			await this.#record(typed, 'user.sign_in_refused', address, { reason: 'throttled' });
			return { ok: false, reason: 'throttled', retryAfterMs: claim.waitMs };
		}
		const user = this.directory.get(typed);
		const passwordOk = user
			? await verifyPassword(user.passwordHash, password)
			: (await burnVerify(password), false);
		if (!user || !passwordOk || user.disabled) {
			await this.throttle.failedFrom(address);
			const reason = user && passwordOk ? 'disabled' : 'bad_credentials';
			await this.#record(typed, 'user.sign_in_refused', address, { reason });
			return { ok: false, reason: 'refused' };
		}
		await this.throttle.succeeded(typed);
		return { ok: true, user };
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

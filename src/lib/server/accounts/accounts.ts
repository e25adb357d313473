import type { JetStreamClient } from '@nats-io/jetstream';
import type { z } from 'zod';
import {
	access as accessSchema,
	accountEvent,
	displayName as displayNameSchema,
	passwordProblem,
	username as usernameSchema,
	type AccountEventOf,
	type AccountEventType,
	type User
} from '../../domain/accounts/index';
import { uuidv7 } from '../../domain/ids';
import { accountSubject } from '../../domain/subjects';
import type { UserDirectory } from './directory';
import { hashPassword, oneTimePassword, verifyPassword } from './passwords';
import type { SessionStore } from './sessions';

export type AccountErrorCode = 'invalid' | 'exists' | 'unknown' | 'conflict' | 'wrong_password';

export class AccountError extends Error {
	override name = 'AccountError';
	constructor(
		message: string,
		readonly code: AccountErrorCode,
		options?: ErrorOptions
	) {
		super(message, options);
	}
}

export interface AccountActor {
	id: string;
	address?: string;
}

function parse<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
	const r = schema.safeParse(value);
	if (!r.success) {
		const issue = r.error.issues[0];
		const where = issue?.path.length ? `${what}.${issue.path.join('.')}` : what;
		throw new AccountError(`${where}: ${issue?.message}`, 'invalid');
	}
	return r.data;
}

/**
 * Every change to an account, as an event on the user's subject. Each write expects the user's
 * last sequence it knows (0 for a new user), so two admins changing one user at once cannot
 * both win, and a username is taken exactly once. A change that must end sessions ends them.
 */
export class Accounts {
	constructor(
		private readonly js: JetStreamClient,
		readonly directory: UserDirectory,
		private readonly sessions: SessionStore
	) {}

	async create(
		input: { username: string; displayName: string; access: unknown; password?: string },
		actor: AccountActor
	): Promise<{ user: User; oneTimePassword: string | null }> {
		const username = parse(usernameSchema, input.username, 'username');
		const access = parse(accessSchema, input.access, 'access');
		const name = parse(displayNameSchema, input.displayName, 'displayName');
		if (this.directory.get(username)) throw new AccountError(`${username} exists`, 'exists');
		const given = input.password ?? null;
		if (given !== null) this.#checkPassword(given, username);
		const password = given ?? oneTimePassword();
		await this.#write(username, 'user.created', actor, {
			displayName: name,
			access,
			passwordHash: await hashPassword(password),
			mustChangePassword: given === null
		});
		return { user: this.#get(username), oneTimePassword: given === null ? password : null };
	}

	async changeAccess(username: string, access: unknown, actor: AccountActor): Promise<User> {
		this.#get(username);
		const parsed = parse(accessSchema, access, 'access');
		await this.#write(username, 'user.access_changed', actor, { access: parsed });
		await this.sessions.endAll(username);
		return this.#get(username);
	}

	async rename(username: string, displayName: string, actor: AccountActor): Promise<User> {
		this.#get(username);
		const name = parse(displayNameSchema, displayName, 'displayName');
		await this.#write(username, 'user.renamed', actor, { displayName: name });
		return this.#get(username);
	}

	async disable(username: string, reason: string, actor: AccountActor): Promise<User> {
		if (this.#get(username).disabled) return this.#get(username);
		await this.#write(username, 'user.disabled', actor, { reason: reason.trim() || '—' });
		await this.sessions.endAll(username);
		return this.#get(username);
	}

	async enable(username: string, actor: AccountActor): Promise<User> {
		if (!this.#get(username).disabled) return this.#get(username);
		await this.#write(username, 'user.enabled', actor, {});
		return this.#get(username);
	}

	/** The user changes their own password: the current one is checked first. */
	async changePassword(
		username: string,
		current: string,
		next: string,
		actor: AccountActor
	): Promise<void> {
		const user = this.#get(username);
		if (!(await verifyPassword(user.passwordHash, current))) {
			throw new AccountError('the current password is wrong', 'wrong_password');
		}
		if (current === next) {
			throw new AccountError('new password: same as the current one', 'invalid');
		}
		this.#checkPassword(next, username);
		await this.#write(username, 'user.password_changed', actor, {
			passwordHash: await hashPassword(next),
			mustChangePassword: false
		});
		await this.sessions.endAll(username);
	}

	/** An admin resets a password: a one-time one, to be changed at the next sign-in. */
	async resetPassword(username: string, actor: AccountActor): Promise<string> {
		this.#get(username);
		const password = oneTimePassword();
		await this.#write(username, 'user.password_changed', actor, {
			passwordHash: await hashPassword(password),
			mustChangePassword: true
		});
		await this.sessions.endAll(username);
		return password;
	}

	#checkPassword(password: string, username: string): void {
		const problem = passwordProblem(password, username);
		if (problem) throw new AccountError(`password: ${problem}`, 'invalid');
	}

	#get(username: string): User {
		const user = this.directory.get(username);
		if (!user) throw new AccountError(`no user ${username}`, 'unknown');
		return user;
	}

	async #write<T extends AccountEventType>(
		username: string,
		type: T,
		actor: AccountActor,
		payload: AccountEventOf<T>['payload']
	): Promise<void> {
		const event = accountEvent.parse({
			id: uuidv7(),
			type,
			v: 1,
			at: new Date().toISOString(),
			username,
			actor,
			payload
		});
		let seq: number;
		try {
			({ seq } = await this.js.publish(accountSubject(username), JSON.stringify(event), {
				msgID: event.id,
				expect: { lastSubjectSequence: this.directory.lastSeqOf(username) }
			}));
		} catch (cause) {
			if (/wrong last sequence/i.test(String((cause as Error).message))) {
				throw new AccountError(
					type === 'user.created'
						? `${username} exists`
						: `${username} changed meanwhile; try again`,
					type === 'user.created' ? 'exists' : 'conflict',
					{ cause }
				);
			}
			throw cause;
		}
		// The caller reads the user next: wait until this process's directory has folded the write.
		await this.directory.caughtUpTo(seq);
	}
}

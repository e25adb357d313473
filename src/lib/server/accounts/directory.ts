import type { ConsumerMessages, JetStreamClient, JetStreamManager } from '@nats-io/jetstream';
import {
	accountEvent,
	applyAccountEvent,
	type AccountEvent,
	type User
} from '../../domain/accounts/index';
import { streams } from '../../domain/subjects';

/**
 * The users, folded from FS_ACCOUNTS by a live ordered consumer: every server process holds the
 * whole directory in memory (it is small) and sees a change within milliseconds of its write.
 * Revocation relies on that: a session is void once the user's session epoch moved on.
 */
export class UserDirectory {
	readonly #users = new Map<string, User>();
	readonly #waiters: { seq: number; resolve: () => void }[] = [];
	#seq = 0;
	/** Per user, the stream sequence of their last event: the expectation for their next write. */
	readonly #userSeq = new Map<string, number>();
	#messages: ConsumerMessages | undefined;

	private constructor(private readonly log: (m: string) => void) {}

	/** Opens the directory and resolves once it holds every account event written before. */
	static async open(
		js: JetStreamClient,
		jsm: JetStreamManager,
		log: (m: string) => void
	): Promise<UserDirectory> {
		const directory = new UserDirectory(log);
		const lastSeq = (await jsm.streams.info(streams.accounts)).state.last_seq;
		const consumer = await js.consumers.get(streams.accounts);
		directory.#messages = await consumer.consume();
		void directory.#run();
		await directory.caughtUpTo(lastSeq);
		return directory;
	}

	async #run(): Promise<void> {
		if (!this.#messages) return;
		for await (const m of this.#messages) {
			const parsed = accountEvent.safeParse(m.json());
			if (parsed.success) {
				applyAccountEvent(this.#users, parsed.data as AccountEvent);
				this.#userSeq.set(parsed.data.username, m.seq);
			}
			// Writers validate before publishing; something else wrote this. Skip it, loudly.
			else this.log(`[accounts] skipped an invalid account event at seq ${m.seq}`);
			this.#seq = m.seq;
			for (let i = this.#waiters.length - 1; i >= 0; i--) {
				const w = this.#waiters[i];
				if (w && w.seq <= this.#seq) {
					this.#waiters.splice(i, 1);
					w.resolve();
				}
			}
		}
	}

	/** Resolves once the fold has reached this stream sequence (a write's acknowledgement). */
	caughtUpTo(seq: number): Promise<void> {
		if (seq <= this.#seq) return Promise.resolve();
		return new Promise((resolve) => this.#waiters.push({ seq, resolve }));
	}

	get(username: string): User | undefined {
		return this.#users.get(username);
	}

	list(): User[] {
		return [...this.#users.values()].sort((a, b) => a.username.localeCompare(b.username));
	}

	/** The sequence of this user's last event (0: none), for a writer's optimistic check. */
	lastSeqOf(username: string): number {
		return this.#userSeq.get(username) ?? 0;
	}

	close(): void {
		this.#messages?.stop();
	}
}

import {
	AckPolicy,
	DeliverPolicy,
	type JetStreamClient,
	type JetStreamManager
} from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import { accountEvent, redactAccountEvent, type AccountEvent } from '../../domain/accounts/index';
import { accountSubject, signInSubject, streams, subjects } from '../../domain/subjects';

export interface AuditQuery {
	/** Only this account's events. */
	username?: string;
	kind: 'all' | 'accounts' | 'signins';
	since: Date;
	/** How many of the newest to return. */
	limit: number;
}

// Read at most this many per stream: the page asks for a narrower filter beyond it.
const SCAN_CAP = 20_000;

/** Reads one stream's events since a time through a short-lived consumer that counts them first. */
async function readStream(
	js: JetStreamClient,
	jsm: JetStreamManager,
	stream: string,
	filter: string,
	since: Date
): Promise<{ events: AccountEvent[]; truncated: boolean }> {
	const info = await jsm.consumers.add(stream, {
		ack_policy: AckPolicy.None,
		deliver_policy: DeliverPolicy.StartTime,
		opt_start_time: since.toISOString(),
		filter_subject: filter,
		inactive_threshold: nanos(30_000)
	});
	try {
		const wanted = Math.min(info.num_pending, SCAN_CAP);
		const events: AccountEvent[] = [];
		if (wanted > 0) {
			const consumer = await js.consumers.get(stream, info.name);
			const messages = await consumer.fetch({ max_messages: wanted, expires: 5_000 });
			for await (const m of messages) {
				const parsed = accountEvent.safeParse(m.json());
				if (parsed.success) events.push(redactAccountEvent(parsed.data as AccountEvent));
				if (m.info.pending === 0 || events.length >= wanted) break;
			}
		}
		return { events, truncated: info.num_pending > SCAN_CAP };
	} finally {
		await jsm.consumers.delete(stream, info.name).catch(() => undefined);
	}
}

/** Account changes and sign-ins, newest first, password hashes removed. */
export async function readAudit(
	js: JetStreamClient,
	jsm: JetStreamManager,
	q: AuditQuery
): Promise<{ items: AccountEvent[]; truncated: boolean }> {
	const reads: Promise<{ events: AccountEvent[]; truncated: boolean }>[] = [];
	if (q.kind !== 'signins') {
		const filter = q.username ? accountSubject(q.username) : subjects.accounts;
		reads.push(readStream(js, jsm, streams.accounts, filter, q.since));
	}
	if (q.kind !== 'accounts') {
		const filter = q.username ? signInSubject(q.username) : subjects.signIns;
		reads.push(readStream(js, jsm, streams.signIns, filter, q.since));
	}
	const results = await Promise.all(reads);
	const all = results.flatMap((r) => r.events).sort((a, b) => b.at.localeCompare(a.at));
	return {
		items: all.slice(0, q.limit),
		truncated: results.some((r) => r.truncated) || all.length > q.limit
	};
}

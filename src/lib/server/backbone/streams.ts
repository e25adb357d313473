import {
	DiscardPolicy,
	RetentionPolicy,
	StorageType,
	type JetStreamManager,
	type StreamConfig
} from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import { streams, subjects } from '../../domain/subjects';
import { ATTACHMENTS_BUCKET } from '../../domain/attachments';
import { objectStoreStream, objectStoreSubjects } from '../attachments/object-store';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface StreamLimits {
	/** How long events stay in NATS: the processor's replay window after an outage. */
	eventsMaxAgeDays: number;
	eventsMaxBytes: number;
	/** Nats-Msg-Id dedup window; the store is idempotent beyond it. */
	duplicateWindowMs: number;
}

export const defaultStreamLimits: StreamLimits = {
	eventsMaxAgeDays: 7,
	eventsMaxBytes: 20 * 1024 ** 3,
	duplicateWindowMs: 2 * 60 * 1000
};

function configs(limits: StreamLimits): (Partial<StreamConfig> & { name: string })[] {
	const common = {
		storage: StorageType.File,
		retention: RetentionPolicy.Limits,
		// Dead letters and alerts are records in themselves: refuse new ones rather than drop old.
		discard: DiscardPolicy.New,
		duplicate_window: nanos(limits.duplicateWindowMs),
		num_replicas: 1
	};
	return [
		{
			...common,
			name: streams.events,
			// The store is the record; the stream is the replay buffer. When it is full the oldest
			// (long processed) events go, rather than every producer being refused. Only a
			// processor lagging by the whole buffer would lose events, and health shows its lag.
			discard: DiscardPolicy.Old,
			subjects: [subjects.events],
			max_age: nanos(limits.eventsMaxAgeDays * DAY_MS),
			max_bytes: limits.eventsMaxBytes
		},
		{
			...common,
			name: streams.alerts,
			subjects: [subjects.alerts],
			max_age: nanos(365 * DAY_MS),
			max_bytes: 2 * 1024 ** 3
		},
		{
			...common,
			name: streams.deadLetters,
			subjects: [subjects.deadLetters],
			max_age: nanos(90 * DAY_MS),
			max_bytes: 2 * 1024 ** 3
		},
		{
			// The directory is the fold of this stream: nothing in it may ever age out.
			...common,
			name: streams.accounts,
			subjects: [subjects.accounts],
			max_age: 0,
			max_bytes: 1024 ** 3
		},
		{
			...common,
			name: streams.signIns,
			subjects: [subjects.signIns],
			max_age: nanos(2 * 365 * DAY_MS),
			max_bytes: 2 * 1024 ** 3
		},
		{
			// Certificate and ticket photos are evidence of the records that name them: kept, and
			// when the bucket is full new uploads are refused rather than old evidence dropped.
			...common,
			name: objectStoreStream(ATTACHMENTS_BUCKET),
			subjects: objectStoreSubjects(ATTACHMENTS_BUCKET),
			allow_direct: true,
			allow_rollup_hdrs: true,
			max_age: 0,
			max_bytes: 20 * 1024 ** 3
		}
	];
}

/** Creates the backbone's streams, or brings their limits up to date. Safe to run at every start. */
export async function ensureStreams(
	jsm: JetStreamManager,
	limits: StreamLimits = defaultStreamLimits
): Promise<void> {
	for (const config of configs(limits)) {
		const name = config.name;
		const exists = await jsm.streams.info(name).then(
			() => true,
			() => false
		);
		if (exists) await jsm.streams.update(name, config);
		else await jsm.streams.add(config);
	}
}

import type { JetStreamClient } from '@nats-io/jetstream';
import { Kvm, type KV } from '@nats-io/kv';
import { z } from 'zod';
import { localDay, localMinuteOfDay } from '../../src/lib/domain/index';
import { generateDistrict } from '../generator/district';
import type { DemoDistrict } from '../generator/model';
import { seedEvents } from '../generator/seed-events';
import { eventsForTick } from './activity';
import type { Outbox } from './outbox';
import { toEvent, type SimState } from './state';

/** Bucket of small facts about what has been published already (seed, catch-ups). */
export const META_BUCKET = 'fs_meta';

const seedMarker = z.object({
	today: z.iso.date(),
	events: z.number().int(),
	at: z.iso.datetime()
});

export async function openMeta(js: JetStreamClient): Promise<KV> {
	return new Kvm(js).create(META_BUCKET, { history: 1 });
}

export interface DistrictSettings {
	seed: number;
	merchants: number;
	badShare: number;
	timeZone: string;
}

/**
 * Publishes the seed district once. The marker remembers the day the district was made for,
 * so a restart (even days later) rebuilds exactly the district that is in the store.
 */
export async function seedOnce(
	kv: KV,
	outbox: Outbox,
	settings: DistrictSettings,
	now: number,
	log: (line: string) => void
): Promise<DemoDistrict> {
	const key = `seeded_${settings.seed}_${settings.merchants}`;
	const entry = await kv.get(key);
	if (entry && entry.operation === 'PUT') {
		const marker = seedMarker.parse(entry.json());
		log(`seed ${key} already published on ${marker.at} (${marker.events} events); not republished`);
		return generateDistrict({ ...settings, today: marker.today });
	}
	const today = localDay(now, settings.timeZone);
	const started = Date.now();
	const district = generateDistrict({ ...settings, today });
	const events = seedEvents(district, now);
	log(
		`generated ${district.merchants.length} merchants in ${Date.now() - started} ms; publishing ${events.length} seed events`
	);
	outbox.push(events);
	await outbox.drain();
	await kv.put(key, JSON.stringify({ today, events: events.length, at: new Date().toISOString() }));
	log(`seed ${key} published in ${Date.now() - started} ms`);
	return district;
}

/**
 * Today's ledgers from midnight up to the start minute, dated at their real local times, so
 * a simulator started in the afternoon does not make every kitchen look like it skipped
 * this morning's checks. Once per day and district (marker in the same bucket).
 */
export async function catchUpToday(
	kv: KV,
	outbox: Outbox,
	state: SimState,
	settings: DistrictSettings,
	startMinute: number,
	now: number,
	log: (line: string) => void
): Promise<void> {
	const today = localDay(now, settings.timeZone);
	const key = `caughtup_${settings.seed}_${settings.merchants}_${today.replaceAll('-', '')}`;
	const entry = await kv.get(key);
	if (entry && entry.operation === 'PUT') return;
	const midnight = now - localMinuteOfDay(now, settings.timeZone) * 60_000 - (now % 60_000);
	const drafts = eventsForTick(state, {
		fromMinute: 0,
		toMinute: startMinute,
		now,
		today,
		ledgersOnly: true,
		instantOf: (minute) => Math.min(now, midnight + minute * 60_000)
	});
	// Recorded when they happened, as a kitchen keeping its books would have: recorded now,
	// this morning's entries would look back-filled to the processor (ledger_backfilled).
	outbox.push(drafts.map((d) => toEvent(d, d.occurredAt ? Date.parse(d.occurredAt) : now)));
	await outbox.drain();
	await kv.put(key, JSON.stringify({ events: drafts.length, at: new Date().toISOString() }));
	log(`caught up ${drafts.length} ledger entries of today before ${formatMinute(startMinute)}`);
}

export function formatMinute(minute: number): string {
	const m = Math.floor(minute) % 1440;
	return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

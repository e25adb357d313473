import { stableEventId } from '../../src/lib/server/backbone/stable-id';
import { makeEvent } from '../../src/lib/domain/events/make';
import type { FsEventOf } from '../../src/lib/domain/events';
import { slaBreaches, type SlaPolicy } from '../../src/lib/domain/alerts/sla';
import type { MerchantRecord } from '../state/merchant-state';

/**
 * One id per alert and breach (a UUID of version 8 from a hash): the clock may find the same
 * breach on every tick and after every restart, and NATS dedup plus the processor's recent ids
 * keep it one event.
 */
export function escalationEventId(alertId: string, step: string, dueAt: string): string {
	return stableEventId(`${alertId}|${step}|${dueAt}`);
}

/**
 * The escalations the SLA calls for at `now`, as events for the processor to publish. The clock
 * publishes events instead of changing the alerts itself: the escalation is then in the event
 * log (the audit trail, replayable) like every other step, and the alerts change in one place
 * only (the handler), so a person's step and the clock never race on the same alert.
 */
export function dueEscalations(
	merchants: Iterable<MerchantRecord>,
	now: number,
	policy: SlaPolicy
): FsEventOf<'alert.escalated'>[] {
	const events: FsEventOf<'alert.escalated'>[] = [];
	for (const m of merchants) {
		for (const a of m.alerts.values()) {
			for (const b of slaBreaches(a, now, policy)) {
				events.push(
					makeEvent(
						{
							type: 'alert.escalated',
							id: escalationEventId(a.id, b.step, b.dueAt),
							merchantId: m.id,
							// The merchant's district now (it may have moved since the raise).
							districtId: m.districtId,
							actor: { kind: 'system', id: 'sla-clock' },
							payload: {
								alertId: a.id,
								reason: `SLA ${b.step} due ${b.dueAt} breached`,
								auto: true,
								step: b.step,
								dueAt: b.dueAt
							}
						},
						now
					)
				);
			}
		}
	}
	return events;
}

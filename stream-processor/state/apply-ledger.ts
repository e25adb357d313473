import type { FsEvent } from '../../src/lib/domain/events';
import {
	identicalTemperature,
	noteDisinfection,
	noteLedgerEntry,
	noteMorningCheck,
	noteSample
} from '../../src/lib/domain/rules/ledger-trail';
import { isLedgerEvent } from '../../src/lib/domain/rules/ledger-suspicion';
import { localDay } from '../../src/lib/domain/time';
import type { MerchantRecord } from './merchant-state';

/**
 * What the absence and suspicion rules remember of an event: when the merchant became known,
 * and the ledger trail. load.ts rebuilds the same from the store at start.
 */
export function applyToTrail(m: MerchantRecord, e: FsEvent, timeZone: string): void {
	if (e.type === 'merchant.registered') {
		if (!m.knownSince || e.recordedAt < m.knownSince) m.knownSince = e.recordedAt;
		return;
	}
	if (!isLedgerEvent(e)) return;
	const trail = m.ledgerTrail;
	noteLedgerEntry(trail, {
		recordedAt: Date.parse(e.recordedAt),
		occurredAt: Date.parse(e.occurredAt),
		eventId: e.id
	});
	switch (e.type) {
		case 'ledger.disinfection.recorded':
			// Only tableware counts for the after-service rule (餐用具); areas and tools are extra.
			if (e.payload.target === 'tableware') noteDisinfection(trail, Date.parse(e.payload.endedAt));
			return;
		case 'ledger.sample_retention.recorded':
			noteSample(trail, e.payload.meal, Date.parse(e.payload.storedAt));
			return;
		case 'ledger.morning_check.recorded':
			noteMorningCheck(trail, localDay(e.occurredAt, timeZone), {
				eventId: e.id,
				identical: identicalTemperature(e.payload.entries)
			});
			return;
		default:
			return;
	}
}

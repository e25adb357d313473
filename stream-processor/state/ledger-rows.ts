import { isLateEntry, kindOfLedgerType } from '../../src/lib/domain/ledgers/completeness';
import type { FsEvent } from '../../src/lib/domain/events';
import { localDay } from '../../src/lib/domain/time';

/**
 * The ledger_entries row of a ledger entry (the four daily books), on the day it claims on
 * the districts' clock; null for any other event. The completeness views read these.
 */
export function ledgerEntryRow(
	e: FsEvent,
	businessType: string,
	version: number,
	timeZone: string
): Record<string, unknown> | null {
	const kind = kindOfLedgerType(e.type);
	if (!kind) return null;
	return {
		districtId: e.districtId,
		merchantId: e.merchantId,
		businessType,
		day: localDay(e.occurredAt, timeZone),
		kind,
		eventId: e.id,
		occurredAt: e.occurredAt,
		recordedAt: e.recordedAt,
		late: isLateEntry(e.occurredAt, e.recordedAt) ? 1 : 0,
		actorId: e.actor.id,
		version
	};
}

import { z } from 'zod';
import { entityId } from '../ids';
import { isoInstant, shortText } from './common';

/**
 * 异议/复核: a supervisor questions one ledger entry, the merchant answers, the supervisor
 * closes it. Three events on the merchant's subject, so the whole exchange is its history.
 */
export const ledgerEntryDisputed = z.object({
	disputeId: entityId,
	/** The id of the ledger event in question. */
	entryId: z.uuid(),
	entryType: z.string().regex(/^ledger\.[a-z_]+\.recorded$/),
	/** The time the entry claims: how the shop finds it among its records. */
	entryAt: isoInstant,
	reason: shortText(500)
});

export const ledgerDisputeAnswered = z.object({
	disputeId: entityId,
	/** The merchant's explanation or correction, in their words. */
	answer: shortText(1_000)
});

/**
 * accepted: the explanation holds, the entry stands. confirmed: the entry is judged unreliable
 * (it counts against the merchant's ledger trust).
 */
export const disputeOutcome = z.enum(['accepted', 'confirmed']);

export const ledgerDisputeClosed = z.object({
	disputeId: entityId,
	outcome: disputeOutcome,
	note: shortText(500).optional()
});

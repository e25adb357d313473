import type { z } from 'zod';
import type { morningCheckRecorded, symptom } from '../events/ledger';

export type Symptom = z.infer<typeof symptom>;
type Entry = z.infer<typeof morningCheckRecorded>['entries'][number];

/** 37.3 °C: the usual fever line of Chinese health checks (腋温). */
export const FEVER_C = 37.3;

/**
 * Whether a checked person may work today: present, no symptom, no fever. Decided here rather
 * than ticked on the form, so the rule is the same on every phone and in the rules engine.
 */
export function fitForWork(e: Pick<Entry, 'present' | 'temperatureC' | 'symptoms'>): boolean {
	return e.present && e.symptoms.length === 0 && (e.temperatureC ?? 0) < FEVER_C;
}

export type CertificateStatus = 'valid' | 'expiring' | 'expired' | 'missing';

/** A health certificate's state on a day: expiring within 30 days, expired after validTo. */
export function certificateStatus(validTo: string | null, day: string): CertificateStatus {
	if (!validTo) return 'missing';
	if (validTo < day) return 'expired';
	const days = (Date.parse(validTo) - Date.parse(day)) / 86_400_000;
	return days <= 30 ? 'expiring' : 'valid';
}

/** The four daily ledgers and their event types, in the order a kitchen's day runs. */
export const ledgerKinds = [
	{ kind: 'morning_check', type: 'ledger.morning_check.recorded' },
	{ kind: 'purchase', type: 'ledger.purchase.recorded' },
	{ kind: 'disinfection', type: 'ledger.disinfection.recorded' },
	{ kind: 'sample_retention', type: 'ledger.sample_retention.recorded' }
] as const;
export type LedgerKind = (typeof ledgerKinds)[number]['kind'];

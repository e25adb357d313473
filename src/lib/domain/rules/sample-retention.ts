import type { AlertDraft } from '../alert';
import type { FsEventOf } from '../events';
import { localDay } from '../time';

/** 留样: at least 125 g of each dish, kept at least 48 hours (餐饮服务食品安全操作规范). */
export const SAMPLE_MIN_G = 125;
export const SAMPLE_MIN_HOURS = 48;

/** Whether a sample as recorded meets the rule; what is short, if not. */
export function sampleShortfall(p: { weightG: number; storedAt: string; destroyAfter: string }): {
	underweight: boolean;
	hours: number;
	tooShort: boolean;
} {
	const hours = (Date.parse(p.destroyAfter) - Date.parse(p.storedAt)) / 3_600_000;
	return { underweight: p.weightG < SAMPLE_MIN_G, hours, tooShort: hours < SAMPLE_MIN_HOURS };
}

/** One alert per merchant, day and meal when a recorded sample falls short of the rule. */
export function sampleRetentionInadequate(
	e: FsEventOf<'ledger.sample_retention.recorded'>,
	timeZone?: string
): AlertDraft | null {
	const s = sampleShortfall(e.payload);
	if (!s.underweight && !s.tooShort) return null;
	return {
		rule: 'sample_retention_inadequate',
		severity: 'medium',
		merchantId: e.merchantId,
		districtId: e.districtId,
		period: `${localDay(e.payload.storedAt, timeZone)}:${e.payload.meal}`,
		facts: {
			dish: e.payload.dish,
			weightG: e.payload.weightG,
			hours: Math.round(s.hours * 10) / 10
		},
		evidence: [e.id]
	};
}

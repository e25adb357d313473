import type { AlertDraft } from '../alert';
import type { FsEventOf } from '../events';
import { localDay } from '../time';

/**
 * Minimum minutes per method (餐饮服务食品安全操作规范): boiling or steam and heat cabinets at
 * least 10 minutes, chlorine soaking at least 5, ultraviolet at least 30.
 */
export const DISINFECTION_MIN_MINUTES = { heat: 10, steam: 10, chemical: 5, uv: 30 } as const;

export function disinfectionMinutes(p: { startedAt: string; endedAt: string }): number {
	return (Date.parse(p.endedAt) - Date.parse(p.startedAt)) / 60_000;
}

/** A disinfection shorter than its method needs: one alert per merchant, day and item. */
export function disinfectionTooShort(
	e: FsEventOf<'ledger.disinfection.recorded'>,
	timeZone?: string
): AlertDraft | null {
	const minutes = disinfectionMinutes(e.payload);
	const needed = DISINFECTION_MIN_MINUTES[e.payload.method];
	if (minutes >= needed) return null;
	return {
		rule: 'disinfection_too_short',
		severity: 'low',
		merchantId: e.merchantId,
		districtId: e.districtId,
		period: `${localDay(e.payload.startedAt, timeZone)}:${e.payload.item}`,
		facts: { item: e.payload.item, minutes: Math.round(minutes), needed },
		evidence: [e.id]
	};
}

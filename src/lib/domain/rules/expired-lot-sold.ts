import type { AlertDraft } from '../alert';
import type { FsEventOf } from '../events';
import { localDay } from '../time';

/**
 * A sale of a lot past its expiry date (the day after 保质期 ends) is a critical finding:
 * 食品安全法 art. 34 forbids selling expired food. Selling on the expiry day itself is allowed.
 * `knownExpiry` is the processor's lot state (from purchase intake); the till's own date
 * counts too, and the earlier of the two wins so a till cannot hide an expired lot.
 */
export function expiredLotSold(
	sale: FsEventOf<'till.sale.recorded'>,
	knownExpiry: (lotId: string) => string | undefined,
	timeZone?: string
): AlertDraft[] {
	const saleDay = localDay(sale.occurredAt, timeZone);
	const drafts: AlertDraft[] = [];
	for (const line of sale.payload.lines) {
		const dates = [line.expiresOn, knownExpiry(line.lotId)].filter((d): d is string => !!d);
		if (dates.length === 0) continue;
		const expiresOn = dates.sort()[0] as string;
		if (expiresOn >= saleDay) continue;
		drafts.push({
			rule: 'expired_lot_sold',
			severity: 'critical',
			merchantId: sale.merchantId,
			districtId: sale.districtId,
			period: `${line.lotId}:${saleDay}`,
			facts: {
				productName: line.productName,
				lotId: line.lotId,
				expiresOn,
				quantity: line.quantity,
				orderId: sale.payload.orderId
			},
			evidence: [sale.id]
		});
	}
	return drafts;
}

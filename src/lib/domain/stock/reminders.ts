import { shelfLifeOf } from './shelf-life';

/**
 * What the shop's stock asks of it today, for the top of its workspace: open recall notices
 * (召回通知; those not confirmed yet first, the most urgent), lots on the shelf that expired (to
 * pull and write off) and lots near expiry (to sell first). Lots already empty ask nothing.
 */
export interface StockReminders {
	recalls: { recallId: string; title: string; level: '1' | '2' | '3'; confirmed: boolean }[];
	expired: number;
	nearExpiry: number;
}

export function stockReminders(
	lots: readonly { remaining: number; expiresOn: string }[],
	recalls: readonly {
		recallId: string;
		title: string;
		level: '1' | '2' | '3';
		acknowledgedAt: string | null;
	}[],
	today: string
): StockReminders {
	let expired = 0;
	let nearExpiry = 0;
	for (const l of lots) {
		if (l.remaining <= 0) continue;
		const state = shelfLifeOf(l.expiresOn, today).state;
		if (state === 'expired') expired++;
		else if (state === 'near_expiry') nearExpiry++;
	}
	return {
		recalls: recalls
			.map(({ recallId, title, level, acknowledgedAt }) => ({
				recallId,
				title,
				level,
				confirmed: acknowledgedAt !== null
			}))
			// Not confirmed first; then level 1 (一级召回), the most severe.
			.sort((a, b) => Number(a.confirmed) - Number(b.confirmed) || a.level.localeCompare(b.level)),
		expired,
		nearExpiry
	};
}

export const hasReminders = (r: StockReminders): boolean =>
	r.recalls.length > 0 || r.expired > 0 || r.nearExpiry > 0;

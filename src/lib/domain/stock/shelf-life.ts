import { daysUntil } from '../rules/expiry-warnings';

/**
 * A lot's shelf life as the shop sees it (临期 / 过期). Selling on the expiry day is allowed (the
 * expired-lot rule agrees): a lot is expired from the day after `expiresOn`.
 */
export type ShelfLifeState =
	| { state: 'ok'; daysLeft: number }
	| { state: 'near_expiry'; daysLeft: number }
	| { state: 'expired'; daysLeft: number };

/** Near expiry within this many days by default: three days is what most shops shelve as 临期. */
export const NEAR_EXPIRY_DAYS = 3;

export function shelfLifeOf(
	expiresOn: string,
	today: string,
	nearDays = NEAR_EXPIRY_DAYS
): ShelfLifeState {
	const daysLeft = daysUntil(expiresOn, today);
	if (daysLeft < 0) return { state: 'expired', daysLeft };
	if (daysLeft <= nearDays) return { state: 'near_expiry', daysLeft };
	return { state: 'ok', daysLeft };
}

/** Expired is a lot whose last valid day is before today. */
export const isExpired = (expiresOn: string, today: string): boolean => expiresOn < today;

import type { TicketClaims } from '../domain/auth/claims';
import { ledgerKinds } from '../domain/ledgers/morning-check';
import { eventList } from '../domain/read-model';
import { instantOfLocal } from '../domain/time';
import { readApi } from './read-api';

/**
 * One day's entries of a merchant's four books, on the districts' clock, newest first. Asked per
 * book: a shop's till sales and sensor readings of the day would crowd them out of one list.
 */
export async function ledgerEntriesOf(claims: TicketClaims, merchantId: string, day: string) {
	const since = instantOfLocal(`${day}T00:00`);
	if (since === null) return [];
	const until = instantOfLocal(`${nextDay(day)}T00:00`) ?? since + 86_400_000;
	const lists = await Promise.all(
		ledgerKinds.map(({ type }) =>
			readApi(
				claims,
				`/api/events?merchantId=${encodeURIComponent(merchantId)}&type=${type}` +
					`&since=${new Date(since).toISOString()}&until=${new Date(until).toISOString()}&limit=500`,
				eventList
			)
		)
	);
	return lists
		.flatMap((l) => l.items)
		.sort((a, b) => (a.occurredAt < b.occurredAt ? 1 : a.occurredAt > b.occurredAt ? -1 : 0));
}

function nextDay(day: string): string {
	return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

import type { TicketClaims } from '../domain/auth/claims';
import { ledgerKinds } from '../domain/ledgers/morning-check';
import { eventList } from '../domain/read-model';
import { instantOfLocal } from '../domain/time';
import { readApi } from './read-api';

const ledgerTypes = new Set<string>(ledgerKinds.map((k) => k.type));

/** One day's entries of a merchant's four books, on the districts' clock, newest first. */
export async function ledgerEntriesOf(claims: TicketClaims, merchantId: string, day: string) {
	const since = instantOfLocal(`${day}T00:00`);
	if (since === null) return [];
	const until = instantOfLocal(`${nextDay(day)}T00:00`) ?? since + 86_400_000;
	const { items } = await readApi(
		claims,
		`/api/events?merchantId=${encodeURIComponent(merchantId)}&since=${new Date(since).toISOString()}` +
			`&until=${new Date(until).toISOString()}&limit=500`,
		eventList
	);
	return items.filter((e) => ledgerTypes.has(e.type));
}

function nextDay(day: string): string {
	return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

import { daysEnding } from '$lib/domain/ledgers/completeness';
import { ledgerCalendar } from '$lib/domain/registry/read-model';
import { localDay } from '$lib/domain/time';
import { ledgerEntriesOf } from '$lib/server/ledger-entries';
import { readApi } from '$lib/server/read-api';
import { shopOf } from '../shop.server';
import type { PageServerLoad } from './$types';

const WEEKS = 8;

/** The shop's own books over the last weeks: the calendar the regulator sees, and a day's entries. */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { viewer, shop } = await shopOf(locals, params.merchantId);
	const today = localDay(Date.now());
	const asked = url.searchParams.get('day') ?? '';
	const day = /^\d{4}-\d{2}-\d{2}$/.test(asked) && asked <= today ? asked : today;
	const days = daysEnding(today, WEEKS * 7);
	const [calendar, entries] = await Promise.all([
		readApi(
			viewer.claims,
			`/api/merchants/${encodeURIComponent(shop.id)}/ledger-calendar?from=${days[0]}&to=${today}`,
			ledgerCalendar
		),
		ledgerEntriesOf(viewer.claims, shop.id, day)
	]);
	return { shop, today, day, calendar, entries };
};

import { eventList, ledgerDay } from '$lib/domain/read-model';
import { ledgerKinds } from '$lib/domain/ledgers/morning-check';
import { localDay } from '$lib/domain/time';
import { readApi } from '$lib/server/read-api';
import { shopOf } from './shop.server';
import type { PageServerLoad } from './$types';

/** A shop's workspace: today's ledgers at a glance, who it is, its licences, its latest records. */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { viewer, shop } = await shopOf(locals, params.merchantId);
	const id = encodeURIComponent(shop.id);
	const today = localDay(Date.now());
	const [day, recent] = await Promise.all([
		readApi(viewer.claims, `/api/merchants/${id}/ledger-day?day=${today}`, ledgerDay),
		readApi(viewer.claims, `/api/events?merchantId=${id}&limit=20`, eventList)
	]);
	return {
		shop,
		today,
		ledgers: ledgerKinds.map(({ kind, type }) => {
			const k = day.kinds.find((x) => x.type === type);
			return { kind, count: k?.count ?? 0, last: k?.last ?? null };
		}),
		recorded: url.searchParams.get('recorded'),
		recent: recent.items.map(({ id, type, occurredAt }) => ({ id, type, occurredAt }))
	};
};

import { purchaseRecorded } from '$lib/domain/events/ledger';
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
	const [day, recent, purchases] = await Promise.all([
		readApi(viewer.claims, `/api/merchants/${id}/ledger-day?day=${today}`, ledgerDay),
		readApi(viewer.claims, `/api/events?merchantId=${id}&limit=20`, eventList),
		readApi(
			viewer.claims,
			`/api/events?merchantId=${id}&type=ledger.purchase.recorded&limit=30`,
			eventList
		)
	]);
	return {
		shop,
		today,
		ledgers: ledgerKinds.map(({ kind, type }) => {
			const k = day.kinds.find((x) => x.type === type);
			return { kind, count: k?.count ?? 0, last: k?.last ?? null };
		}),
		recorded: url.searchParams.get('recorded'),
		// Today's deliveries with their photos' thumbnails: what the shop just took in.
		purchases: purchases.items.flatMap((e) => {
			const p = purchaseRecorded.safeParse(e.payload);
			if (!p.success || localDay(e.occurredAt) !== today) return [];
			const { productName, quantity, unit, supplierName, expiresOn } = p.data;
			const photos = p.data.attachmentIds ?? [];
			return [{ id: e.id, productName, quantity, unit, supplierName, expiresOn, photos }];
		}),
		recent: recent.items.map(({ id, type, occurredAt }) => ({ id, type, occurredAt }))
	};
};

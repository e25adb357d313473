import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { purchaseRecorded } from '$lib/domain/events/ledger';
import { eventList, ledgerDay } from '$lib/domain/read-model';
import { disputeList } from '$lib/domain/registry/read-model';
import { alertPage } from '$lib/domain/alerts/read-model';
import { openNotices } from '$lib/domain/alerts/notice';
import { riskResult } from '$lib/domain/risk/risk-result';
import { improvements } from '$lib/domain/risk/risk-score';
import { ledgerKinds } from '$lib/domain/ledgers/morning-check';
import { bookToday } from '$lib/domain/ledgers/due';
import { localDay, localMinuteOfDay } from '$lib/domain/time';
import { readApi } from '$lib/server/read-api';
import { disputedEntry } from '$lib/server/disputed-entry';
import { recordEvent, untilStored } from '$lib/server/record-event';
import { stockReminders } from '$lib/domain/stock/reminders';
import { sellableLots } from '$lib/server/stock/shop-stock';
import { shopOf } from './shop.server';
import type { Actions, PageServerLoad } from './$types';

/** A shop's workspace: today's ledgers at a glance, who it is, its licences, its latest records. */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { viewer, shop } = await shopOf(locals, params.merchantId);
	const id = encodeURIComponent(shop.id);
	const today = localDay(Date.now());
	const [day, recent, purchases, disputes, notified, risk, stock] = await Promise.all([
		readApi(viewer.claims, `/api/merchants/${id}/ledger-day?day=${today}`, ledgerDay),
		readApi(viewer.claims, `/api/events?merchantId=${id}&limit=20`, eventList),
		readApi(
			viewer.claims,
			`/api/events?merchantId=${id}&type=ledger.purchase.recorded&limit=30`,
			eventList
		),
		readApi(viewer.claims, `/api/merchants/${id}/disputes`, disputeList),
		readApi(viewer.claims, `/api/alerts?merchantId=${id}&status=notified&limit=20`, alertPage),
		readApi(viewer.claims, `/api/merchants/${id}/risk`, riskResult),
		sellableLots(viewer.claims, shop.id)
	]);
	return {
		shop,
		today,
		ledgers: ledgerKinds.map(({ kind, type }) => {
			const k = day.kinds.find((x) => x.type === type);
			const count = k?.count ?? 0;
			return {
				kind,
				count,
				last: k?.last ?? null,
				// Done, due by when, or late: the shop's day at a glance, as the rules see it.
				book: bookToday(kind, shop, localMinuteOfDay(Date.now()), count)
			};
		}),
		recorded: url.searchParams.get('recorded'),
		// 整改通知: what the bureau asked this shop to fix, and by when.
		notices: openNotices(notified.items, shop.id),
		// Its grade and how many things it could fix: the way to 我的风险等级.
		risk: { grade: risk.grade, fixes: improvements(risk).length },
		// Recall notices and expiring stock: what the shelves ask of the shop today.
		stock: stockReminders(stock.lots, stock.recalls, today),
		now: Date.now(),
		// Questions from the regulator that wait for this shop's answer (or its review).
		disputes: await Promise.all(
			disputes.items
				.filter((d) => d.status !== 'closed')
				.map(async (d) => ({ ...d, entry: await disputedEntry(viewer.claims, shop.id, d) }))
		),
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

const answerForm = z.object({
	disputeId: z.string().min(1).max(64),
	answer: z.string().trim().min(2).max(1_000)
});

export const actions: Actions = {
	/** 异议答复: the shop explains or corrects an entry the regulator questioned. */
	answer: async ({ locals, params, request }) => {
		const { viewer, shop } = await shopOf(locals, params.merchantId);
		const parsed = answerForm.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { problem: 'answer_invalid' as const });
		const { items } = await readApi(
			viewer.claims,
			`/api/merchants/${encodeURIComponent(shop.id)}/disputes`,
			disputeList
		);
		const d = items.find((x) => x.disputeId === parsed.data.disputeId);
		if (!d || d.status === 'closed') return fail(409, { problem: 'answer_closed' as const });
		const { event } = await recordEvent(viewer, {
			type: 'ledger.dispute.answered',
			merchantId: shop.id,
			districtId: shop.districtId,
			payload: parsed.data
		});
		await untilStored(viewer.claims, event);
		return { answered: true };
	}
};

import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { alertList, staffList } from '$lib/domain/read-model';
import { disputeList, ledgerCalendar } from '$lib/domain/registry/read-model';
import { daysEnding } from '$lib/domain/ledgers/completeness';
import { localDay } from '$lib/domain/time';
import { uuidv7 } from '$lib/domain/ids';
import { ledgerEntriesOf } from '$lib/server/ledger-entries';
import { readApi } from '$lib/server/read-api';
import { recordEvent, untilStored } from '$lib/server/record-event';
import { REGISTRY_EDITORS, registryMerchantOf } from '../merchant.server';
import { roomName } from '$lib/domain/live';
import { riskResult } from '$lib/domain/risk/risk-result';
import { riskHistory as riskHistoryView } from '$lib/domain/risk/risk-read';
import { merchantInspections } from '$lib/server/inspections/list';
import { tabOf } from './tabs';
import { RECALL_READERS } from '../../recalls/recalls.server';
import { cameraList } from '$lib/domain/video/camera-list';
import type { Actions, PageServerLoad } from './$types';

const CALENDAR_DAYS = 91;

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { viewer, merchant } = await registryMerchantOf(locals, params.merchantId);
	const tab = tabOf(url.searchParams.get('tab'));
	const id = encodeURIComponent(merchant.id);
	const claims = viewer.claims;
	const today = localDay(Date.now());
	const base = {
		merchant,
		tab,
		today,
		mayEdit: REGISTRY_EDITORS.some((r) => r === claims.role),
		// 反向追溯 from this shop (a complaint about it): for those who may read traces.
		mayTrace: RECALL_READERS.some((r) => r === claims.role)
	};
	if (tab === 'staff') {
		return {
			...base,
			staff: (await readApi(claims, `/api/merchants/${id}/staff`, staffList)).items
		};
	}
	if (tab === 'risk') {
		const [risk, riskHistory] = await Promise.all([
			readApi(claims, `/api/merchants/${id}/risk`, riskResult),
			readApi(claims, `/api/merchants/${id}/risk/history`, riskHistoryView)
		]);
		return { ...base, risk, riskHistory };
	}
	if (tab === 'cameras') {
		return {
			...base,
			cameras: (await readApi(claims, `/api/merchants/${id}/cameras`, cameraList)).items
		};
	}
	if (tab === 'inspections') {
		return { ...base, inspections: await merchantInspections(claims, merchant.id, 100) };
	}
	if (tab === 'alerts') {
		return {
			...base,
			alerts: (await readApi(claims, `/api/alerts?merchantId=${id}&limit=100`, alertList)).items
		};
	}
	if (tab === 'ledgers') {
		const requested = url.searchParams.get('day') ?? '';
		const day = /^\d{4}-\d{2}-\d{2}$/.test(requested) && requested <= today ? requested : today;
		const days = daysEnding(today, CALENDAR_DAYS);
		const [calendar, disputes, entries] = await Promise.all([
			readApi(
				claims,
				`/api/merchants/${id}/ledger-calendar?from=${days[0]}&to=${today}`,
				ledgerCalendar
			),
			readApi(claims, `/api/merchants/${id}/disputes`, disputeList),
			ledgerEntriesOf(claims, merchant.id, day)
		]);
		const room = roomName.parse(`district:${merchant.districtId}`);
		return {
			...base,
			calendar,
			disputes: disputes.items,
			day,
			entries,
			// The district's live room tells the calendar when a new entry lands (the gateway
			// checks the room again; inspectors have no wall tickets).
			room: claims.role === 'inspector' ? null : room
		};
	}
	return base;
};

const disputeForm = z.object({
	entryId: z.uuid(),
	day: z.iso.date(),
	reason: z.string().trim().min(2).max(500)
});
const closeForm = z.object({
	disputeId: z.string().min(1).max(64),
	outcome: z.enum(['accepted', 'confirmed']),
	note: z.string().trim().max(500).optional()
});

export const actions: Actions = {
	/** 异议: a supervisor questions one entry of the books, with a reason the merchant will see. */
	dispute: async ({ locals, params, request }) => {
		const { viewer, merchant } = await registryMerchantOf(
			locals,
			params.merchantId,
			REGISTRY_EDITORS
		);
		const parsed = disputeForm.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { problem: 'dispute_invalid' as const });
		const f = parsed.data;
		// The entry must be one of this merchant's ledger entries (the id comes from a form).
		const entry = (await ledgerEntriesOf(viewer.claims, merchant.id, f.day)).find(
			(e) => e.id === f.entryId
		);
		if (!entry) return fail(400, { problem: 'dispute_no_entry' as const });
		const { event } = await recordEvent(viewer, {
			type: 'ledger.entry.disputed',
			merchantId: merchant.id,
			districtId: merchant.districtId,
			payload: {
				disputeId: uuidv7(),
				entryId: entry.id,
				entryType: entry.type,
				entryAt: entry.occurredAt,
				reason: f.reason
			}
		});
		await untilStored(viewer.claims, event);
		return { done: 'disputed' as const };
	},
	/** 复核: the supervisor closes a dispute the merchant has answered (or that went unanswered). */
	close: async ({ locals, params, request }) => {
		const { viewer, merchant } = await registryMerchantOf(
			locals,
			params.merchantId,
			REGISTRY_EDITORS
		);
		const parsed = closeForm.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { problem: 'close_invalid' as const });
		const f = parsed.data;
		const { items } = await readApi(
			viewer.claims,
			`/api/merchants/${encodeURIComponent(merchant.id)}/disputes`,
			disputeList
		);
		const d = items.find((x) => x.disputeId === f.disputeId);
		if (!d || d.status === 'closed') return fail(409, { problem: 'close_not_open' as const });
		const { event } = await recordEvent(viewer, {
			type: 'ledger.dispute.closed',
			merchantId: merchant.id,
			districtId: merchant.districtId,
			payload: { disputeId: f.disputeId, outcome: f.outcome, ...(f.note ? { note: f.note } : {}) }
		});
		await untilStored(viewer.claims, event);
		return { done: 'closed' as const };
	}
};

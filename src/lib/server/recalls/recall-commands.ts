import type { z } from 'zod';
import type { TicketClaims } from '../../domain/auth/claims';
import type { FsEvent } from '../../domain/events';
import type { SupplierLot } from '../../domain/events/recall';
import { eventList } from '../../domain/read-model';
import { forwardTrace, merchantRecalls, recallProgress } from '../../domain/trace/contracts';
import { stockList } from '../../domain/trace/stock-list';
import {
	recallOpenings,
	type LotAccountForm,
	type OpenRecallForm
} from '../../domain/trace/recall-form';
import { supplierLotSearch, supplierLotText } from '../../domain/trace/supplier-lot';
import { stableEventId } from '../backbone/stable-id';
import { eventBy, type Viewer } from '../tasks/task-commands';

/** What the recall commands need: the read API (as the viewer) and the stream. */
export interface RecallPorts {
	read: <S extends z.ZodType>(claims: TicketClaims, path: string, schema: S) => Promise<z.infer<S>>;
	publish: (event: FsEvent) => Promise<unknown>;
}

export class RecallCommandError extends Error {
	override name = 'RecallCommandError';
	constructor(
		readonly problem: 'no_lots' | 'too_many' | 'not_recalled' | 'not_your_lot' | 'too_much',
		message: string,
		/** For too_much: what the lot still holds. */
		readonly remaining?: number
	) {
		super(message);
	}
}

/** recall.opened for one merchant carries at most this many of its lots (the event's bound). */
const MAX_LOTS_PER_NOTICE = 500;
/** One recall reaches at most this many shops (the trace's own cap). */
const MAX_MERCHANTS = 20_000;

/**
 * 发起召回: traces the supplier lot forward as the supervisor (their districts only) and files
 * one recall.opened per shop that received it. Ids come from the form's id: a second submit
 * makes the same recall and the same events, which the stream and the processor fold.
 */
export async function openRecall(
	viewer: Viewer,
	lot: SupplierLot,
	form: OpenRecallForm,
	ports: RecallPorts
): Promise<{ recallId: string; merchants: number }> {
	const q = supplierLotSearch(lot);
	q.set('limit', String(MAX_MERCHANTS));
	const trace = await ports.read(viewer.claims, `/api/trace/forward?${q}`, forwardTrace);
	if (trace.items.length === 0) throw new RecallCommandError('no_lots', 'no shop received it');
	if (trace.truncated) throw new RecallCommandError('too_many', 'more shops than one recall holds');
	const recallId = `rc-${stableEventId(`recall-form:${form.formId}`).replaceAll('-', '').slice(0, 24)}`;
	const openings = recallOpenings(recallId, form, lot, trace.items);
	if (openings.some((o) => o.payload.merchantLotIds.length > MAX_LOTS_PER_NOTICE)) {
		throw new RecallCommandError('too_many', 'a shop holds more lots than one notice lists');
	}
	for (const o of openings) {
		await ports.publish(
			eventBy<'recall.opened'>(viewer, {
				id: stableEventId(`recall.opened|${recallId}|${o.merchantId}|${supplierLotText(lot)}`),
				type: 'recall.opened',
				merchantId: o.merchantId,
				districtId: o.districtId,
				payload: o.payload
			})
		);
	}
	return { recallId, merchants: openings.length };
}

/**
 * 结束召回: the supervisor ends a recall for every shop of it in their districts, with a note. One
 * recall.closed per shop (its id from the recall and the shop, so a double submit is one); the
 * till stops refusing the lots and the shop's public page drops the notice. Returns how many shops
 * it closed for now (0 when all were closed already).
 */
export async function closeRecall(
	viewer: Viewer,
	recallId: string,
	note: string | undefined,
	ports: RecallPorts
): Promise<{ closed: number }> {
	const progress = await ports.read(
		viewer.claims,
		`/api/recalls/${encodeURIComponent(recallId)}`,
		recallProgress
	);
	const open = progress.items.filter((i) => i.closedAt === null);
	for (const m of open) {
		await ports.publish(
			eventBy<'recall.closed'>(viewer, {
				id: stableEventId(`recall.closed|${recallId}|${m.merchantId}`),
				type: 'recall.closed',
				merchantId: m.merchantId,
				districtId: m.districtId,
				payload: { recallId, ...(note ? { note } : {}) }
			})
		);
	}
	return { closed: open.length };
}

/** The shop's open recall, through its own ticket (a recall that is not its own is refused). */
async function noticeOf(viewer: Viewer, merchantId: string, recallId: string, ports: RecallPorts) {
	const { items } = await ports.read(
		viewer.claims,
		`/api/merchants/${encodeURIComponent(merchantId)}/recalls`,
		merchantRecalls
	);
	const n = items.find((i) => i.recallId === recallId);
	if (!n) throw new RecallCommandError('not_recalled', `no open recall ${recallId}`);
	return n;
}

/** Whether the shop's stream already holds this recall pull (a form submitted twice). */
async function pullRecorded(
	viewer: Viewer,
	merchantId: string,
	movementId: string,
	ports: RecallPorts
): Promise<boolean> {
	const q = new URLSearchParams({
		merchantId,
		type: 'stock.movement.recorded',
		limit: '200'
	});
	const { items } = await ports.read(viewer.claims, `/api/events?${q}`, eventList);
	return items.some(
		(e) => (e.payload as { movementId?: unknown } | null)?.movementId === movementId
	);
}

/** 确认收到: the shop has read the notice (once per recall and shop). */
export async function acknowledgeRecall(
	viewer: Viewer,
	shop: { id: string; districtId: string },
	recallId: string,
	ports: RecallPorts
): Promise<void> {
	await noticeOf(viewer, shop.id, recallId, ports);
	await ports.publish(
		eventBy<'recall.acknowledged'>(viewer, {
			id: stableEventId(`recall.acknowledged|${recallId}|${shop.id}`),
			type: 'recall.acknowledged',
			merchantId: shop.id,
			districtId: shop.districtId,
			payload: { recallId }
		})
	);
}

/**
 * 下架登记: the shop accounts for a recalled lot. The units pulled leave the lot by a stock
 * movement (recall_pull) before the recall's own record, so the stock never shows a lot accounted
 * for that still holds them. Each report pulls its own units (the progress adds them up), so a
 * report pulling more than the lot still holds is refused: it would count units twice.
 */
export async function accountRecallLot(
	viewer: Viewer,
	shop: { id: string; districtId: string },
	form: LotAccountForm,
	ports: RecallPorts
): Promise<void> {
	const n = await noticeOf(viewer, shop.id, form.recallId, ports);
	if (!n.lotIds.includes(form.lotId)) {
		throw new RecallCommandError('not_your_lot', `lot ${form.lotId} is not in the recall`);
	}
	const base = { merchantId: shop.id, districtId: shop.districtId };
	const key = `${form.recallId}|${shop.id}|${form.lotId}|${form.formId}`;
	if (form.pulled > 0) {
		const id = encodeURIComponent(shop.id);
		const { items } = await ports.read(viewer.claims, `/api/merchants/${id}/stock`, stockList);
		const held = items.find((l) => l.lotId === form.lotId);
		if (!held) throw new RecallCommandError('not_your_lot', `no lot ${form.lotId} in stock`);
		const movementId = `mv-${stableEventId(`recall-pull|${key}`).replaceAll('-', '').slice(0, 24)}`;
		const remaining = Math.max(0, Math.round(held.remaining * 1000) / 1000);
		// A double submit of the same form finds its own pull already taken: that is not too much.
		if (
			form.pulled > remaining + 1e-9 &&
			!(await pullRecorded(viewer, shop.id, movementId, ports))
		) {
			throw new RecallCommandError(
				'too_much',
				`lot ${form.lotId} holds ${remaining}, not ${form.pulled}`,
				remaining
			);
		}
		await ports.publish(
			eventBy<'stock.movement.recorded'>(viewer, {
				...base,
				id: stableEventId(`stock.movement.recorded|${movementId}`),
				type: 'stock.movement.recorded',
				payload: {
					movementId,
					lotId: form.lotId,
					sku: held.sku,
					kind: 'recall_pull',
					quantity: form.pulled,
					reason: `召回 ${form.recallId}`,
					recallId: form.recallId
				}
			})
		);
	}
	await ports.publish(
		eventBy<'recall.lot_accounted'>(viewer, {
			...base,
			id: stableEventId(`recall.lot_accounted|${key}`),
			type: 'recall.lot_accounted',
			payload: {
				recallId: form.recallId,
				lotId: form.lotId,
				pulled: form.pulled,
				disposition: form.disposition,
				...(form.note ? { note: form.note } : {})
			}
		})
	);
}

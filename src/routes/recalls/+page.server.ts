import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { entityId, uuidv7 } from '$lib/domain/ids';
import {
	forwardTrace,
	recallSummary,
	supplierBatches,
	supplierChoices
} from '$lib/domain/trace/contracts';
import { pickByName } from '$lib/domain/trace/pick-by-name';
import { openRecallForm, supplierLotForm } from '$lib/domain/trace/recall-form';
import { supplierLotSearch } from '$lib/domain/trace/supplier-lot';
import { viewerOf } from '$lib/server/auth/guard';
import { readApi, ReadApiError } from '$lib/server/read-api';
import { pollUntil } from '$lib/server/record-event';
import { openRecall, RecallCommandError } from '$lib/server/recalls/recall-commands';
import { recallPorts } from '$lib/server/recalls/ports';
import { RECALL_OPENERS, RECALL_READERS } from './recalls.server';
import type { Actions, PageServerLoad } from './$types';

const recallList = z.object({ items: z.array(recallSummary) });
/** The page lists this many shops; the export has them all. */
const PAGE_ROWS = 500;

/** Suppliers offered by name in the form (the most widely delivering first). */
const SUPPLIER_OPTIONS = 200;
/** A name matching more suppliers than this asks for more of the name. */
const SUPPLIER_CHOICES = 20;

/**
 * The lot typed into the form, from the address (empty fields absent). A supplier alone is no
 * lot: the page lists its batches to pick from.
 */
function lotFrom(params: URLSearchParams) {
	const get = (k: string) => params.get(k) ?? '';
	const raw = {
		supplierId: get('supplierId'),
		batchNo: get('batchNo'),
		sku: get('sku'),
		productionDate: get('productionDate')
	};
	const supplierOnly =
		entityId.safeParse(raw.supplierId).success && !raw.batchNo && !raw.sku && !raw.productionDate;
	return {
		raw,
		supplierOnly,
		parsed: raw.supplierId && !supplierOnly ? supplierLotForm.safeParse(raw) : null
	};
}

export const load: PageServerLoad = async ({ locals, url }) => {
	const viewer = viewerOf(locals, RECALL_READERS);
	const params = url.searchParams;
	// 供货者 typed by name (or id): one match becomes the supplierId of the address.
	const typed = (params.get('supplier') ?? '').trim().slice(0, 50);
	let supplierChoice: {
		supplierId: string;
		supplierName: string;
		merchants: number;
		search: string;
	}[] = [];
	let supplierMissing = false;
	if (typed && !params.get('supplierId')) {
		const q = new URLSearchParams({ q: typed, limit: String(SUPPLIER_CHOICES) });
		const found = await readApi(viewer.claims, `/api/trace/suppliers?${q}`, supplierChoices);
		const picked = pickByName(
			typed,
			found.items,
			(s) => s.supplierId,
			(s) => s.supplierName
		);
		// The rest of the form (batch, product, date) goes along with the supplier picked.
		const withSupplier = (supplierId: string) => {
			const next = new URLSearchParams(params);
			next.delete('supplier');
			next.set('supplierId', supplierId);
			return next.toString();
		};
		if (picked.kind === 'one') redirect(303, `/recalls?${withSupplier(picked.item.supplierId)}`);
		supplierChoice =
			picked.kind === 'choose'
				? picked.items.map((s) => ({ ...s, search: withSupplier(s.supplierId) }))
				: [];
		supplierMissing = picked.kind === 'none';
	}
	const { raw, supplierOnly, parsed } = lotFrom(params);
	const lot = parsed?.success ? parsed.data : null;
	const [trace, batches, recalls, suppliers] = await Promise.all([
		lot
			? readApi(
					viewer.claims,
					`/api/trace/forward?${supplierLotSearch(lot)}&limit=${PAGE_ROWS}`,
					forwardTrace
				)
			: null,
		supplierOnly
			? readApi(
					viewer.claims,
					`/api/trace/supplier-batches?${new URLSearchParams({ supplierId: raw.supplierId })}`,
					supplierBatches
				)
			: null,
		readApi(viewer.claims, '/api/recalls', recallList),
		readApi(viewer.claims, `/api/trace/suppliers?limit=${SUPPLIER_OPTIONS}`, supplierChoices)
	]);
	const supplierName =
		trace?.items[0]?.supplierName ??
		(batches?.supplierName || undefined) ??
		suppliers.items.find((s) => s.supplierId === raw.supplierId)?.supplierName ??
		'';
	return {
		query: { ...raw, supplier: typed || supplierName || raw.supplierId },
		supplierName,
		suppliers: suppliers.items,
		supplierChoice,
		supplierMissing,
		bad: parsed !== null && !parsed.success,
		lot,
		lotSearch: lot ? supplierLotSearch(lot).toString() : '',
		trace,
		// Each batch with the address of its forward trace.
		batches: batches && {
			...batches,
			items: batches.items.map((b) => ({ ...b, search: supplierLotSearch(b.lot).toString() }))
		},
		recalls: recalls.items,
		now: Date.now(),
		mayOpen: RECALL_OPENERS.includes(viewer.user.role),
		formId: uuidv7()
	};
};

export const actions: Actions = {
	open: async ({ locals, request }) => {
		const viewer = viewerOf(locals, RECALL_OPENERS);
		const data = Object.fromEntries(await request.formData());
		const lot = supplierLotForm.safeParse(data);
		const form = openRecallForm.safeParse(data);
		if (!lot.success || !form.success) return fail(400, { problem: 'invalid' as const });
		const ports = await recallPorts();
		let recallId: string;
		try {
			({ recallId } = await openRecall(viewer, lot.data, form.data, ports));
		} catch (e) {
			if (e instanceof RecallCommandError) return fail(400, { problem: e.problem });
			throw e;
		}
		// Land on a progress page that already shows it (bounded; it shows a moment later if not).
		await pollUntil(async () => {
			try {
				await readApi(viewer.claims, `/api/recalls/${recallId}`, z.unknown());
				return true;
			} catch (e) {
				if (e instanceof ReadApiError && e.status === 404) return false;
				throw e;
			}
		});
		redirect(303, `/recalls/${encodeURIComponent(recallId)}`);
	}
};

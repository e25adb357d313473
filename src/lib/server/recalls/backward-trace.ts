import type { TicketClaims } from '../../domain/auth/claims';
import { entityId } from '../../domain/ids';
import { registryMerchant, registryPage } from '../../domain/registry/read-model';
import type { BackwardWindow } from '../../domain/trace/backward-query';
import { backwardTrace } from '../../domain/trace/contracts';
import { pickByName } from '../../domain/trace/pick-by-name';
import { supplierLotOf, supplierLotSearch } from '../../domain/trace/supplier-lot';
import { ReadApiError } from '../read-api';
import type { RecallPorts } from './recall-commands';

type Read = RecallPorts['read'];

/** A shop as the backward trace names it. */
export interface TracedShop {
	id: string;
	name: string;
	districtId: string;
	address: string;
}

/** The shop typed into the form: found, several to pick from, or none in the viewer's districts. */
export type ShopChoice =
	| { kind: 'shop'; shop: TracedShop }
	| { kind: 'choose'; items: TracedShop[]; more: boolean }
	| { kind: 'none' };

/** How many shops a name may match before the officer is asked to type more of it. */
const CHOICES = 20;

/** The shop of an id, or null when the register has none in the viewer's districts (404/400). */
export async function shopOf(
	claims: TicketClaims,
	merchantId: string,
	read: Read
): Promise<TracedShop | null> {
	try {
		const m = await read(
			claims,
			`/api/registry/${encodeURIComponent(merchantId)}`,
			registryMerchant
		);
		return { id: m.id, name: m.name, districtId: m.districtId, address: m.address };
	} catch (e) {
		if (e instanceof ReadApiError && (e.status === 404 || e.status === 400)) return null;
		throw e;
	}
}

/**
 * What the officer typed, as a shop: an id first (when it looks like one), then the register's
 * search (name, credit code, address). A single exact name among several matches wins.
 */
export async function findShop(
	claims: TicketClaims,
	text: string,
	read: Read
): Promise<ShopChoice> {
	if (entityId.safeParse(text).success) {
		const byId = await shopOf(claims, text, read);
		if (byId) return { kind: 'shop', shop: byId };
	}
	const q = new URLSearchParams({ q: text, limit: String(CHOICES), sort: 'name' });
	const page = await read(claims, `/api/registry?${q}`, registryPage);
	const items = page.items.map((i) => ({
		id: i.id,
		name: i.name,
		districtId: i.districtId,
		address: i.address
	}));
	const picked = pickByName(
		text,
		items,
		(i) => i.id,
		(i) => i.name
	);
	if (picked.kind === 'one') return { kind: 'shop', shop: picked.item };
	if (picked.kind === 'none') return picked;
	return { kind: 'choose', items: picked.items, more: page.total > items.length };
}

/**
 * The backward trace of a shop over a window, for the page: each lot with the address of its
 * supplier lot's forward trace, and the number of other shops reached through its suppliers.
 */
export async function backwardTraceView(
	claims: TicketClaims,
	merchantId: string,
	window: Pick<BackwardWindow, 'from' | 'to'>,
	read: Read
) {
	const q = new URLSearchParams({ merchantId, from: window.from, to: window.to });
	const trace = await read(claims, `/api/trace/backward?${q}`, backwardTrace);
	const others = new Set(trace.suppliers.flatMap((s) => s.otherMerchants.map((m) => m.merchantId)));
	return {
		...trace,
		lots: trace.lots.map((l) => ({
			...l,
			forwardSearch: supplierLotSearch(supplierLotOf(l)).toString()
		})),
		otherShops: others.size
	};
}
export type BackwardTraceView = Awaited<ReturnType<typeof backwardTraceView>>;

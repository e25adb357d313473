import { purchaseRecorded } from '../events/ledger';

/**
 * 进货查验 (purchase intake): the decisions behind the shop's form, pure so the page, the
 * processor and tests agree. The ids it derives are stable: the same supplier typed again is the
 * same supplier, and the same delivery recorded twice is the same lot.
 */

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK_64 = 0xffffffffffffffffn;

/** FNV-1a, 64 bits, over UTF-16 code units: a stable key, not a secret (ids are not guessed at). */
export function stableHash(text: string): string {
	let h = FNV_OFFSET;
	for (let i = 0; i < text.length; i++) {
		h ^= BigInt(text.charCodeAt(i));
		h = (h * FNV_PRIME) & MASK_64;
	}
	return h.toString(16).padStart(16, '0');
}

/** 「ＡＢＣ 粮油 」 and 「abc粮油」 name the same supplier: width, case and spaces do not count. */
export function normalizeName(name: string): string {
	return name.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/**
 * A supplier's id, city-wide: from its registered company name alone, so every shop that buys
 * from 济南鲜达 names the same supplier and a recall's forward trace reaches them all. The purchase
 * form and the suppliers page both use it; the licence number is an attribute, not the key.
 */
export function supplierIdOf(supplierName: string): string {
	return `sup-${stableHash(normalizeName(supplierName))}`;
}

/** A product's id, city-wide from its name (a trace by product and production date spans shops). */
export function skuOf(productName: string): string {
	return `sku-${stableHash(normalizeName(productName))}`;
}

/** The per-shop id the forms derived before ids were city-wide (old events keep it). */
function legacySupplierIdOf(merchantId: string, supplierName: string): string {
	return `sup-${stableHash(`${merchantId}\n${normalizeName(supplierName)}`)}`;
}

/**
 * One delivery of one batch on one day is one lot: a double tap or a resubmitted form records the
 * same lot again (the lot table keeps the latest), while the same batch delivered next week is a
 * new lot with its own quantity.
 */
export function lotIdOf(d: {
	merchantId: string;
	supplierId: string;
	sku: string;
	batchNo: string;
	productionDate: string;
	receivedOn: string;
}): string {
	const key = [d.merchantId, d.supplierId, d.sku, normalizeName(d.batchNo), d.productionDate];
	return `lot-${stableHash([...key, d.receivedOn].join('\n'))}`;
}

const DAY_MS = 86_400_000;

export function addDays(isoDate: string, days: number): string {
	return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The production day counts as the first day of the shelf life (as the seeds and labels do). */
export function expiryOf(productionDate: string, shelfLifeDays: number): string {
	return addDays(productionDate, Math.max(1, shelfLifeDays) - 1);
}

export function shelfLifeOf(productionDate: string, expiresOn: string): number {
	return Math.round((Date.parse(expiresOn) - Date.parse(productionDate)) / DAY_MS) + 1;
}

export interface SupplierPick {
	supplierId: string;
	supplierName: string;
}

/** The shop's suppliers from its past purchases, most recent first, each once. */
export function recentSuppliers(payloads: readonly unknown[], max = 8): SupplierPick[] {
	const seen = new Map<string, SupplierPick>();
	for (const raw of payloads) {
		const p = purchaseRecorded.safeParse(raw);
		if (!p.success) continue;
		const key = normalizeName(p.data.supplierName);
		if (!seen.has(key)) {
			seen.set(key, { supplierId: p.data.supplierId, supplierName: p.data.supplierName });
		}
		if (seen.size >= max) break;
	}
	return [...seen.values()];
}

/**
 * A supplier typed or picked: one the shop bought from before keeps its id (one the registry or an
 * import gave it); a new one, or one under the old per-shop derived id, gets the city-wide id.
 */
export function supplierOf(
	merchantId: string,
	supplierName: string,
	known: readonly SupplierPick[]
): SupplierPick {
	const key = normalizeName(supplierName);
	const hit = known.find(
		(k) =>
			normalizeName(k.supplierName) === key &&
			k.supplierId !== legacySupplierIdOf(merchantId, k.supplierName)
	);
	return hit ?? { supplierId: supplierIdOf(supplierName), supplierName };
}

/** The shop's products from its past purchases, most recent first, each once (for a datalist). */
export function recentProducts(payloads: readonly unknown[], max = 30): string[] {
	const seen = new Map<string, string>();
	for (const raw of payloads) {
		const p = purchaseRecorded.safeParse(raw);
		if (!p.success) continue;
		const key = normalizeName(p.data.productName);
		if (!seen.has(key)) seen.set(key, p.data.productName);
		if (seen.size >= max) break;
	}
	return [...seen.values()];
}

import type { LotAccount } from './contracts';

/** Where a shop is, as the export names a location. */
export interface Location {
	name: string;
	address: string;
	district: string;
}

/** The export's columns, in order: FSMA 204's key data elements for receiving and selling. */
export const traceExportColumns = [
	'lotCode',
	'product',
	'quantity',
	'unit',
	'receivedOn',
	'sold',
	'firstSold',
	'lastSold',
	'remaining',
	'location',
	'address',
	'district',
	'supplier',
	'batchNo',
	'productionDate',
	'expiresOn'
] as const;
export type TraceExportColumn = (typeof traceExportColumns)[number];

/** Date part of an ISO instant on the districts' clock (UTC+8, no summer time in China). */
function chinaDay(instant: string | null): string {
	if (!instant) return '';
	return new Date(Date.parse(instant) + 8 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * The rows of a forward trace export: one per shop's lot. The traceability lot code is the
 * shop's own lot id (what its till and books name); the supplier's batch is beside it.
 */
export function traceExportRows(
	items: readonly LotAccount[],
	locationOf: (merchantId: string) => Location
): (string | number)[][] {
	return items.map((i) => {
		const where = locationOf(i.merchantId);
		return [
			i.lotId,
			`${i.productName} (${i.sku})`,
			i.received,
			i.unit,
			chinaDay(i.receivedAt),
			i.sold,
			chinaDay(i.firstSoldAt),
			chinaDay(i.lastSoldAt),
			i.remaining,
			where.name || i.merchantName,
			where.address,
			where.district,
			`${i.supplierName} (${i.supplierId})`,
			i.batchNo ?? '',
			i.productionDate,
			i.expiresOn
		];
	});
}

/**
 * CSV as spreadsheets open it: UTF-8 with a byte-order mark (Excel reads Chinese right), CRLF,
 * every field quoted when it holds a comma, quote or line break. A field that starts like a
 * formula gets a leading apostrophe (CSV injection).
 */
export function toCsv(headers: readonly string[], rows: readonly (string | number)[][]): string {
	const cell = (v: string | number) => {
		let s = String(v);
		if (/^[=+\-@\t\r]/.test(s) && typeof v === 'string') s = `'${s}`;
		return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
	};
	return '\uFEFF' + [headers, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

import type { FsEvent } from '../../src/lib/domain/events';

/** A row for one of the trace and catalogue tables (clickhouse/migrations/0012_trace.sql). */
export interface TraceRow {
	table:
		'sale_lines' | 'stock_movements' | 'recall_notices' | 'recall_steps' | 'products' | 'suppliers';
	row: Record<string, unknown>;
}

/**
 * The trace tables' rows of an event (none for most). Facts only: balances, counts and recall
 * progress are resolved when read, so a late or replayed event never leaves a stale sum behind.
 * `version` is the stream sequence (the newest upsert of a product or supplier wins).
 */
export function traceRows(e: FsEvent, version: number): TraceRow[] {
	const base = { merchantId: e.merchantId, districtId: e.districtId };
	switch (e.type) {
		case 'till.sale.recorded': {
			const p = e.payload;
			return p.lines.map((l, lineNo) => ({
				table: 'sale_lines',
				row: {
					...base,
					lotId: l.lotId,
					soldAt: e.occurredAt,
					eventId: e.id,
					lineNo,
					orderId: p.orderId,
					sku: l.sku,
					quantity: l.quantity,
					unitPriceFen: l.unitPriceFen,
					memberId: p.memberId ?? ''
				}
			}));
		}
		case 'stock.movement.recorded': {
			const p = e.payload;
			return [
				{
					table: 'stock_movements',
					row: {
						...base,
						lotId: p.lotId,
						occurredAt: e.occurredAt,
						eventId: e.id,
						movementId: p.movementId,
						sku: p.sku,
						kind: p.kind,
						quantity: p.quantity,
						reason: p.reason,
						recallId: p.recallId ?? ''
					}
				}
			];
		}
		case 'recall.opened': {
			const p = e.payload;
			return [
				{
					table: 'recall_notices',
					row: {
						...base,
						recallId: p.recallId,
						title: p.title,
						reason: p.reason,
						level: p.level,
						lots: JSON.stringify(p.lots),
						merchantLotIds: p.merchantLotIds,
						publicNotice: p.publicNotice,
						openedAt: e.occurredAt,
						openedBy: e.actor.id,
						eventId: e.id,
						version
					}
				}
			];
		}
		case 'recall.acknowledged':
		case 'recall.closed':
		case 'recall.lot_accounted': {
			const p = e.payload;
			return [
				{
					table: 'recall_steps',
					row: {
						...base,
						recallId: p.recallId,
						kind: e.type.slice('recall.'.length),
						lotId: 'lotId' in p ? p.lotId : '',
						pulled: 'pulled' in p ? p.pulled : 0,
						disposition: 'disposition' in p ? p.disposition : '',
						note: 'note' in p ? (p.note ?? '') : '',
						occurredAt: e.occurredAt,
						eventId: e.id
					}
				}
			];
		}
		case 'stock.product.upserted': {
			const p = e.payload;
			return [
				{
					table: 'products',
					row: {
						...base,
						sku: p.sku,
						name: p.name,
						category: p.category,
						shelfLifeDays: p.shelfLifeDays,
						storage: p.storage,
						unit: p.unit,
						priceFen: p.priceFen ?? null,
						retired: p.retired ? 1 : 0,
						updatedAt: e.occurredAt,
						version
					}
				}
			];
		}
		case 'stock.supplier.upserted': {
			const p = e.payload;
			return [
				{
					table: 'suppliers',
					row: {
						...base,
						supplierId: p.supplierId,
						name: p.name,
						licenceNo: p.licenceNo,
						contactName: p.contact?.name ?? '',
						contactPhone: p.contact?.phone ?? '',
						updatedAt: e.occurredAt,
						version
					}
				}
			];
		}
		default:
			return [];
	}
}

import { districtName } from '../../domain/districts';
import type { SupplierLot } from '../../domain/events/recall';
import { merchantSummary } from '../../domain/read-model';
import { forwardTrace } from '../../domain/trace/contracts';
import { supplierLotSearch, supplierLotText } from '../../domain/trace/supplier-lot';
import {
	toCsv,
	traceExportColumns,
	traceExportRows,
	type Location
} from '../../domain/trace/trace-export';
import { translate, type MessageKey } from '../../i18n';
import { writeXlsx } from '../registry/xlsx';
import type { Viewer } from '../tasks/task-commands';
import type { RecallPorts } from './recall-commands';

/** Every shop of the trace, as the read API caps a trace. */
const MAX_ROWS = 20_000;
/** Shop addresses are asked for this many at a time. */
const PARALLEL = 16;

export interface TraceFile {
	body: Buffer | string;
	contentType: string;
	filename: string;
}

/**
 * A forward trace as a spreadsheet (.xlsx) or CSV, in the viewer's scope: one row per shop's lot
 * with FSMA 204's key data elements, the location being the shop's name, address and district.
 */
export async function traceExport(
	viewer: Pick<Viewer, 'claims'>,
	lot: SupplierLot,
	format: 'xlsx' | 'csv',
	read: RecallPorts['read']
): Promise<TraceFile> {
	const q = supplierLotSearch(lot);
	q.set('limit', String(MAX_ROWS));
	const trace = await read(viewer.claims, `/api/trace/forward?${q}`, forwardTrace);
	const ids = [...new Set(trace.items.map((i) => i.merchantId))];
	const locations = new Map<string, Location>();
	for (let i = 0; i < ids.length; i += PARALLEL) {
		await Promise.all(
			ids.slice(i, i + PARALLEL).map(async (id) => {
				const m = await read(
					viewer.claims,
					`/api/merchants/${encodeURIComponent(id)}`,
					merchantSummary
				);
				locations.set(id, {
					name: m.name,
					address: m.address,
					district: districtName(m.districtId)
				});
			})
		);
	}
	const headers = traceExportColumns.map((c) =>
		translate('zh-CN', `recall.export.${c}` as MessageKey)
	);
	const rows = traceExportRows(
		trace.items,
		(id) => locations.get(id) ?? { name: '', address: '', district: '' }
	);
	const name = `trace-${supplierLotText(lot).replace(/[^A-Za-z0-9_-]+/g, '_')}`;
	if (format === 'csv') {
		return {
			body: toCsv(headers, rows),
			contentType: 'text/csv; charset=utf-8',
			filename: `${name}.csv`
		};
	}
	return {
		body: await writeXlsx([
			{
				name: translate('zh-CN', 'recall.export.sheet'),
				headers,
				rows,
				// Lot codes and batch numbers stay text (Excel would turn 0417 into 417).
				textColumns: [0, 13]
			}
		]),
		contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		filename: `${name}.xlsx`
	};
}

import { districtName } from '../../domain/districts';
import type { SupplierLot } from '../../domain/events/recall';
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
	// The trace carries each shop's name and address: one read for the whole file.
	const locations = new Map<string, Location>(
		trace.items.map((i) => [
			i.merchantId,
			{ name: i.merchantName, address: i.merchantAddress, district: districtName(i.districtId) }
		])
	);
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

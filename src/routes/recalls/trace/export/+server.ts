import { error } from '@sveltejs/kit';
import { supplierLotForm } from '$lib/domain/trace/recall-form';
import { viewerOf } from '$lib/server/auth/guard';
import { traceExport } from '$lib/server/recalls/trace-export';
import { recallPorts } from '$lib/server/recalls/ports';
import { RECALL_READERS } from '../../recalls.server';
import type { RequestHandler } from './$types';

/**
 * A forward trace as a file (`?supplierId=&batchNo=|sku=&productionDate=&format=xlsx|csv`): the
 * FSMA 204 sortable spreadsheet, cut to the viewer's districts like the page.
 */
export const GET: RequestHandler = async ({ locals, url }) => {
	const viewer = viewerOf(locals, RECALL_READERS);
	const q = Object.fromEntries(url.searchParams);
	const lot = supplierLotForm.safeParse(q);
	if (!lot.success) error(400, 'a supplier and a batch, or a product and its production date');
	const format = q.format === 'csv' ? 'csv' : q.format === 'xlsx' ? 'xlsx' : null;
	if (!format) error(400, 'format: xlsx or csv');
	const file = await traceExport(viewer, lot.data, format, (await recallPorts()).read);
	return new Response(typeof file.body === 'string' ? file.body : new Uint8Array(file.body), {
		headers: {
			'content-type': file.contentType,
			'content-disposition': `attachment; filename="${file.filename}"`,
			'cache-control': 'private, no-store'
		}
	});
};

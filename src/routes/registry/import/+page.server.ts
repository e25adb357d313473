import { fail } from '@sveltejs/kit';
import { viewerOf } from '$lib/server/auth/guard';
import { ReadApiError } from '$lib/server/read-api';
import { confirmImport, ImportFileError, previewImport } from '$lib/server/registry/import';
import type { Actions, PageServerLoad } from './$types';

/** Changing the registry is for regulators; inspectors only read it. */
const IMPORTERS = ['admin', 'supervisor'] as const;

export const load: PageServerLoad = async ({ locals }) => {
	const { claims } = viewerOf(locals, IMPORTERS);
	return { scope: claims.role === 'admin' ? null : claims.districts };
};

/** The read API or NATS not answering is the service's problem, not the file's: say so. */
function unavailable(e: unknown) {
	if (e instanceof ReadApiError && e.status >= 500) {
		return fail(503, { unavailable: e.message });
	}
	throw e;
}

export const actions: Actions = {
	preview: async ({ locals, request }) => {
		const viewer = viewerOf(locals, IMPORTERS);
		const form = await request.formData();
		const file = form.get('file');
		if (!(file instanceof File) || file.size === 0) {
			return fail(400, { fileError: '请选择要导入的 .xlsx 或 .csv 文件' });
		}
		try {
			const bytes = new Uint8Array(await file.arrayBuffer());
			const preview = await previewImport(viewer, { name: file.name, bytes });
			return { preview };
		} catch (e) {
			if (e instanceof ImportFileError) return fail(400, { fileError: e.message });
			return unavailable(e);
		}
	},
	confirm: async ({ locals, request }) => {
		const viewer = viewerOf(locals, IMPORTERS);
		const form = await request.formData();
		const batchId = String(form.get('batchId') ?? '');
		if (!/^[0-9a-f]{64}$/.test(batchId)) {
			return fail(400, { result: { status: 'missing' as const } });
		}
		try {
			const result = await confirmImport(viewer, batchId);
			if (result.status === 'failed') return fail(503, { result, batchId });
			if (result.status === 'forbidden') return fail(403, { result });
			if (result.status === 'missing') return fail(410, { result });
			return { result };
		} catch (e) {
			return unavailable(e);
		}
	}
};

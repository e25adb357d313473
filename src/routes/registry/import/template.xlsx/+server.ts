import { viewerOf } from '$lib/server/auth/guard';
import { importTemplate } from '$lib/server/registry/template';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals }) => {
	viewerOf(locals, ['admin', 'supervisor']);
	const body = await importTemplate();
	return new Response(new Uint8Array(body), {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'content-disposition': `attachment; filename="registry-import.xlsx"; filename*=UTF-8''${encodeURIComponent('经营主体导入模板.xlsx')}`,
			'cache-control': 'no-store'
		}
	});
};

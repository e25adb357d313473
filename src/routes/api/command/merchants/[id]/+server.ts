import { json } from '@sveltejs/kit';
import { proxyError } from '../../proxy.server';
import { merchantDrillOf } from './drill.server';
import type { RequestHandler } from './$types';

/**
 * The wall's merchant drill-down (schema `merchantDrill`): one answer for the panel. Outside the
 * viewer's districts it is a 404, like a merchant that does not exist.
 */
export const GET: RequestHandler = async ({ locals, params }) => {
	try {
		return json(await merchantDrillOf(locals, params.id), {
			headers: { 'cache-control': 'no-store' }
		});
	} catch (err) {
		return proxyError(err);
	}
};

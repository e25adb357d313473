import { error } from '@sveltejs/kit';
import { inspectionRecord } from '$lib/server/inspections/record';
import { registryMerchantOf } from '../../../merchant.server';
import type { PageServerLoad } from './$types';

/** The same record for regulators, from the merchant page's inspections tab. */
export const load: PageServerLoad = async ({ locals, params }) => {
	const { viewer, merchant } = await registryMerchantOf(locals, params.merchantId);
	const record = await inspectionRecord(viewer.claims, params.inspectionId);
	if (record.inspection.merchantId !== merchant.id) error(404, 'no such inspection');
	return record;
};

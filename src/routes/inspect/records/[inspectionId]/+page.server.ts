import { viewerOf } from '$lib/server/auth/guard';
import { inspectionRecord } from '$lib/server/inspections/record';
import type { PageServerLoad } from './$types';

/** 现场检查记录, printable, for the inspector (regulators open it from the registry). */
export const load: PageServerLoad = async ({ locals, params }) => {
	const { claims } = viewerOf(locals, ['inspector']);
	return inspectionRecord(claims, params.inspectionId);
};

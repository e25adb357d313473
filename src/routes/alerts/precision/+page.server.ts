import { alertPrecision } from '$lib/domain/alerts/read-model';
import { viewerOf } from '$lib/server/auth/guard';
import { readApi } from '$lib/server/read-api';
import { ALERT_READERS } from '../alerts.server';
import type { PageServerLoad } from './$types';

/** How often each rule and source was right: the tuning sheet of the rules. */
export const load: PageServerLoad = async ({ locals }) => {
	const viewer = viewerOf(locals, ALERT_READERS);
	return { precision: await readApi(viewer.claims, '/api/alerts/precision', alertPrecision) };
};

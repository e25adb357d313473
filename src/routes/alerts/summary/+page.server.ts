import { alertQueryString } from '$lib/domain/alerts/alert-query';
import { alertSummary } from '$lib/domain/alerts/read-model';
import { viewerOf } from '$lib/server/auth/guard';
import { readApi } from '$lib/server/read-api';
import { ALERT_READERS, alertQueryIn } from '../alerts.server';
import type { PageServerLoad } from './$types';

/** 按规则汇总: the active alerts per rule, so a flood of one rule reads as one line. */
export const load: PageServerLoad = async ({ locals, url }) => {
	const viewer = viewerOf(locals, ALERT_READERS);
	const { query } = alertQueryIn(viewer, url);
	const summary = await readApi(
		viewer.claims,
		`/api/alerts/summary?${alertQueryString(query)}`,
		alertSummary
	);
	return { summary, district: query.district ?? null };
};

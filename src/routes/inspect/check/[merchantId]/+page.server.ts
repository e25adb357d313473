import { alertList } from '$lib/domain/read-model';
import { isActive } from '$lib/domain/alerts/lifecycle';
import { checklistFor } from '$lib/domain/inspections/checklist';
import { inspectionList } from '$lib/domain/inspections/read-model';
import { riskResult } from '$lib/domain/risk/risk-result';
import { entityId } from '$lib/domain/ids';
import { localDay } from '$lib/domain/time';
import { accountServices } from '$lib/server/accounts/web';
import { readApi, ReadApiError } from '$lib/server/read-api';
import { inspectedMerchant } from '../../inspected.server';
import { licenceStatusOf } from './licence-status';
import type { PageServerLoad } from './$types';

/** The merchant brief, its checklist and who may inspect with the inspector. */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { viewer, merchant } = await inspectedMerchant(locals, params.merchantId);
	const id = encodeURIComponent(merchant.id);
	const claims = viewer.claims;
	const today = localDay(Date.now());
	const [risk, alerts, last, { directory }] = await Promise.all([
		readApi(claims, `/api/merchants/${id}/risk`, riskResult).catch((e: unknown) => {
			// Not scored (e.g. not registered yet): the brief says so instead of failing.
			if (e instanceof ReadApiError && e.status === 404) return null;
			throw e;
		}),
		readApi(claims, `/api/alerts?merchantId=${id}&limit=100`, alertList),
		readApi(claims, `/api/inspections?merchant=${id}&limit=1`, inspectionList),
		accountServices()
	]);
	const openAlerts = alerts.items.filter((a) => isActive(a.status));
	// From the task list's link; ignored when malformed (an inspection may start without a task).
	const task = entityId.safeParse(url.searchParams.get('task'));
	const alertIds = (url.searchParams.get('alerts') ?? '')
		.split(',')
		.filter((a) => /^[\w:.-]{1,200}$/.test(a))
		.slice(0, 50);
	const coInspectors = directory
		.list()
		.filter(
			(u) =>
				u.role === 'inspector' &&
				!u.disabled &&
				u.username !== viewer.user.username &&
				u.districts.includes(merchant.districtId)
		)
		.map((u) => ({ id: u.username, name: u.displayName }));
	return {
		merchant: {
			id: merchant.id,
			name: merchant.name,
			address: merchant.address,
			businessType: merchant.businessType,
			districtId: merchant.districtId
		},
		licence: licenceStatusOf(merchant.licences, today),
		risk: risk && {
			grade: risk.grade,
			score: risk.score,
			reasons: [...risk.factors].sort((a, b) => b.points - a.points).slice(0, 3)
		},
		openAlerts,
		last: last.items[0] ? { at: last.items[0].occurredAt, result: last.items[0].result } : null,
		template: checklistFor(merchant.businessType),
		taskId: task.success ? task.data : null,
		alertIds,
		coInspectors,
		inspector: { id: viewer.user.username, name: viewer.user.displayName },
		today
	};
};

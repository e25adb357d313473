import { riskResult } from '$lib/domain/risk/risk-result';
import { improvements } from '$lib/domain/risk/risk-score';
import { readApi } from '$lib/server/read-api';
import { shopOf } from '../shop.server';
import type { PageServerLoad } from './$types';

/**
 * 我的风险等级: the shop's own grade, why, and what it can do about it (the factors it can act
 * on, biggest first). What it is (type, scale, who it feeds) it cannot change: shown apart.
 */
export const load: PageServerLoad = async ({ locals, params }) => {
	const { viewer, shop } = await shopOf(locals, params.merchantId);
	const risk = await readApi(
		viewer.claims,
		`/api/merchants/${encodeURIComponent(shop.id)}/risk`,
		riskResult
	);
	return {
		shop: { id: shop.id, name: shop.name },
		risk,
		fixes: improvements(risk),
		fixed: risk.factors.filter((f) => !f.actionable)
	};
};

import type { LineProblem } from '$lib/domain/stock/sale';

/** The messages a POS operator reads on their screen: Chinese first, as the shop works. */
const refusalText = {
	recalled: '召回批次禁止销售 (lot under recall)',
	expired: '过期批次禁止销售 (lot expired)',
	empty: '批次库存不足 (lot holds too little)',
	other_sku: '批次不属于该商品 (lot is of another product)',
	unknown: '无此批次 (no such lot)'
} as const;

/** Each line's problem with its field path, as a 400 names its field. */
export function lineProblemsOf(problems: readonly LineProblem[]) {
	return problems.map((p) => {
		const path = `lines.${p.line}`;
		switch (p.reason) {
			case 'no_price':
				return {
					path: `${path}.unitPriceFen`,
					reason: p.reason,
					message: '商品无价格 (no price: send unitPriceFen)'
				};
			case 'lot_refused':
				return {
					path: `${path}.lotId`,
					reason: p.refusal.reason,
					lotId: p.refusal.lotId,
					message: refusalText[p.refusal.reason]
				};
			case 'short': {
				const recalled = p.refused.some((r) => r.reason === 'recalled');
				return {
					path: `${path}.quantity`,
					reason: recalled ? 'recalled' : 'short',
					wanted: p.wanted,
					available: p.available,
					refused: p.refused,
					message: recalled
						? `${refusalText.recalled}; 可售 ${p.available}`
						: `库存不足 (short): 可售 ${p.available}`
				};
			}
		}
	});
}

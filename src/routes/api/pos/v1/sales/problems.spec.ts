import { describe, expect, it } from 'vitest';
import { translate } from '$lib/i18n/translate';
import { lineProblemCodes, lineProblemsOf, posErrorCodes } from './problems';

describe('POS API problems', () => {
	it('pos - every code has its message in Chinese and English, none mixed', () => {
		for (const code of posErrorCodes) {
			expect(translate('zh-CN', `pos.error.${code}`)).toMatch(/\p{Script=Han}/u);
			expect(translate('en', `pos.error.${code}`)).not.toMatch(/\p{Script=Han}/u);
		}
		for (const code of lineProblemCodes) {
			expect(translate('zh-CN', `pos.problem.${code}`)).toMatch(/\p{Script=Han}/u);
			expect(translate('en', `pos.problem.${code}`)).not.toMatch(/\p{Script=Han}/u);
		}
	});

	it('pos - a refused line keeps its path and reason and gains a code and a message', () => {
		const refusal = { lotId: 'lot-x', reason: 'expired' as const };
		const problems = [
			{ line: 0, sku: 'milk', reason: 'lot_refused' as const, refusal },
			{ line: 1, sku: 'tea', reason: 'no_price' as const },
			{ line: 2, sku: 'milk', reason: 'short' as const, wanted: 9, available: 4, refused: [] }
		];
		expect(lineProblemsOf(problems, 'zh-CN')).toEqual([
			{
				path: 'lines.0.lotId',
				reason: 'expired',
				lotId: 'lot-x',
				code: 'lot_expired',
				message: '过期批次禁止销售'
			},
			{
				path: 'lines.1.unitPriceFen',
				reason: 'no_price',
				code: 'no_price',
				message: '商品无价格（请发送 unitPriceFen）'
			},
			expect.objectContaining({
				path: 'lines.2.quantity',
				reason: 'short',
				code: 'short',
				message: '库存不足：可售 4'
			})
		]);
		expect(lineProblemsOf(problems, 'en').map((p) => p.message)).toEqual([
			'Lot expired: not for sale',
			'No price (send unitPriceFen)',
			'Short: 4 available'
		]);
	});
});

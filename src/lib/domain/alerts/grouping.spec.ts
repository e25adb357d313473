import { describe, expect, it } from 'vitest';
import { alertRule } from '../alert';
import { defaultSource, ruleCategory } from './category';
import { alertGroupId, GROUP_WINDOW_MS } from './grouping';

describe('alert grouping', () => {
	const a = { source: 'ai:cam-1', districtId: '370102', raisedAt: '2026-11-28T02:01:00.000Z' };

	it('grouping - one source in one district within the window is one group', () => {
		expect(alertGroupId({ ...a, raisedAt: '2026-11-28T02:09:59.999Z' })).toBe(alertGroupId(a));
		expect(alertGroupId(a)).toBe('ai:cam-1|370102|2026-11-28T02:00:00.000Z');
	});

	it('grouping - another source, district or window is another group', () => {
		expect(alertGroupId({ ...a, source: 'ai:cam-2' })).not.toBe(alertGroupId(a));
		expect(alertGroupId({ ...a, districtId: '370103' })).not.toBe(alertGroupId(a));
		const later = new Date(Date.parse('2026-11-28T02:00:00.000Z') + GROUP_WINDOW_MS).toISOString();
		expect(alertGroupId({ ...a, raisedAt: later })).not.toBe(alertGroupId(a));
	});

	it('grouping - every rule has a category and a default source', () => {
		for (const rule of alertRule.options) expect(ruleCategory[rule], rule).toBeTruthy();
		expect(ruleCategory.ai_detection).toBe('ai');
		expect(ruleCategory.expired_lot_sold).toBe('stock');
		expect(defaultSource('morning_check_missing')).toBe('rule:morning_check_missing');
	});
});

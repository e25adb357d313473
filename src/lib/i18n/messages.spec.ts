import { describe, expect, it } from 'vitest';
import { eventFamilies, eventTypes } from '$lib/domain/events';
import { alertCategory, alertRule, alertSeverities, alertStatus } from '$lib/domain/alert';
import { businessTypes } from '$lib/domain/events/merchant';
import { accountEventTypes } from '$lib/domain/accounts/account-events';
import { roles } from '$lib/domain/auth/claims';
import { mapIndicators, panelIds, screenViews } from '$lib/domain/command/screen-config';
import { DEFAULT_RISK_SETTINGS, riskFactorIds, riskGrades } from '$lib/domain/risk';
import { settingsFields, settingsGroups } from '$lib/domain/risk/settings-form';
import { riskSettingGroupLabel, riskSettingLabel } from './labels';
import { en } from './messages/en';
import { zhCN } from './messages/zh-CN';
import { interpolate, isMessageKey } from './translate';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('i18n', () => {
	it('i18n - every English message has the same placeholders as the Chinese one', () => {
		for (const [key, zh] of Object.entries(zhCN)) {
			expect(placeholders(en[key as keyof typeof zhCN]), key).toEqual(placeholders(zh));
		}
	});

	it('i18n - every domain enum the screen shows has a label', () => {
		const keys = [
			...eventTypes.map((x) => `eventType.${x}`),
			...eventFamilies.map((x) => `family.${x}`),
			...alertRule.options.map((x) => `alert.${x}`),
			...alertRule.options.map((x) => `alerts.rule.${x}`),
			...alertSeverities.map((x) => `severity.${x}`),
			...alertStatus.options.map((x) => `alertStatus.${x}`),
			...alertCategory.options.map((x) => `alertCategory.${x}`),
			...businessTypes.map((x) => `businessType.${x}`),
			...riskFactorIds.map((x) => `risk.factor.${x}`),
			...riskGrades.map((x) => `risk.grade.${x}`),
			...roles.map((x) => `role.${x}`),
			...accountEventTypes.map((x) => `audit.type.${x}`),
			...panelIds.map((x) => `screens.panel.${x}`),
			...screenViews.map((x) => `screens.view.${x}`),
			...mapIndicators.map((x) => `screens.indicator.${x}`),
			...['required', 'tooLong', 'pickOne', 'unknown', 'tooMany', 'range'].map(
				(x) => `screens.problem.${x}`
			)
		];
		expect(keys.filter((k) => !isMessageKey(k))).toEqual([]);
	});

	it('i18n - every number of the risk settings and every group of them has a label', () => {
		const fields = settingsFields(DEFAULT_RISK_SETTINGS);
		// An unlabelled one falls back to its raw key.
		const raw = [
			...fields.filter((f) => riskSettingLabel(f.group, f.key) === f.key).map((f) => f.path),
			...settingsGroups(fields).filter((g) => riskSettingGroupLabel(g) === g)
		];
		expect(raw).toEqual([]);
	});

	it('i18n - interpolate fills names and marks missing ones', () => {
		expect(interpolate('许可证 {n} 于 {d} 到期', { n: 'JY1', d: '2026-01-01' })).toBe(
			'许可证 JY1 于 2026-01-01 到期'
		);
		expect(interpolate('{a}/{b}', { a: 1 })).toBe('1/—');
	});
});

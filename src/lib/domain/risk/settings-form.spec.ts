import { describe, expect, it } from 'vitest';
import { DEFAULT_RISK_SETTINGS } from './risk-settings';
import { settingsFields, settingsFromForm, settingsGroups } from './settings-form';

describe('risk settings form', () => {
	it('risk - every number of the settings is a field, grouped by its parent, version excluded', () => {
		const fields = settingsFields(DEFAULT_RISK_SETTINGS);
		expect(fields.find((f) => f.path === 'version')).toBeUndefined();
		expect(fields.find((f) => f.path === 'static.businessType.restaurant')).toEqual({
			path: 'static.businessType.restaurant',
			group: 'static.businessType',
			key: 'restaurant',
			value: 8
		});
		expect(fields.find((f) => f.path === 'halfLifeDays')?.group).toBe('general');
		expect(settingsGroups(fields)).toEqual(
			expect.arrayContaining(['general', 'bands', 'alerts.perSeverity', 'inspectionsPerYear'])
		);
		expect(settingsGroups(fields)[0]).toBe('general');
	});

	it('risk - a form makes the next version; unknown names are ignored', () => {
		const checked = settingsFromForm(DEFAULT_RISK_SETTINGS, [
			['bands.aMax', '25'],
			['static.licenceStatus.expired', ' 45 '],
			['version', '9'],
			['static.__proto__', '1']
		]);
		expect(checked.ok).toBe(true);
		if (!checked.ok) return;
		expect(checked.settings.version).toBe(2);
		expect(checked.settings.bands.aMax).toBe(25);
		expect(checked.settings.static.licenceStatus.expired).toBe(45);
		// The current settings are untouched.
		expect(DEFAULT_RISK_SETTINGS.bands.aMax).toBe(30);
	});

	it('risk - bad numbers and inconsistent bands are refused with their paths', () => {
		const blank = settingsFromForm(DEFAULT_RISK_SETTINGS, [['alerts.cap', '']]);
		expect(blank.ok).toBe(false);
		if (!blank.ok) expect(blank.problems.map((p) => p.path)).toEqual(['alerts.cap']);
		const bands = settingsFromForm(DEFAULT_RISK_SETTINGS, [['bands.bMax', '20']]);
		expect(bands.ok).toBe(false);
		if (!bands.ok) {
			expect(bands.problems).toEqual([{ path: 'bands', message: 'bMax must be above aMax' }]);
		}
		const tooMuch = settingsFromForm(DEFAULT_RISK_SETTINGS, [['static.scale.large', '101']]);
		expect(tooMuch.ok).toBe(false);
	});
});

import { describe, expect, it } from 'vitest';
import { fsEvent } from '../events';
import { makeEvent } from '../events/make';
import {
	checkSettingsChange,
	DEFAULT_RISK_SETTINGS,
	validateSettings,
	type RiskSettings
} from './risk-settings';
import { inspectionsPerYear } from './risk-score';

const withBands = (bands: RiskSettings['bands']) => ({ ...DEFAULT_RISK_SETTINGS, bands });
const problemsOf = (input: unknown) => {
	const r = validateSettings(input);
	return r.ok ? [] : r.problems;
};

describe('risk settings', () => {
	it('risk settings - the defaults are valid and carry a positive version', () => {
		const r = validateSettings(DEFAULT_RISK_SETTINGS);
		expect(r.ok).toBe(true);
		expect(r.ok && r.settings.version).toBe(1);
	});

	it('risk settings - bands that do not rise strictly are refused, naming the bands', () => {
		const flat = problemsOf(withBands({ aMax: 30, bMax: 30, cMax: 60 }));
		expect(flat).toEqual([{ path: 'bands', message: 'bMax must be above aMax' }]);
		const falling = problemsOf(withBands({ aMax: 30, bMax: 50, cMax: 45 }));
		expect(falling).toEqual([{ path: 'bands', message: 'cMax must be above bMax' }]);
	});

	it('risk settings - bands outside 0–100 are refused (D must stay reachable)', () => {
		expect(problemsOf(withBands({ aMax: -1, bMax: 45, cMax: 60 }))).toHaveLength(1);
		expect(problemsOf(withBands({ aMax: 30, bMax: 45, cMax: 100 }))).toEqual([
			{ path: 'bands', message: 'cMax must be at least 0 and below 100' }
		]);
		expect(problemsOf(withBands({ aMax: 0, bMax: 1, cMax: 99.9 }))).toEqual([]);
	});

	it('risk settings - a version must be a positive integer', () => {
		expect(problemsOf({ ...DEFAULT_RISK_SETTINGS, version: 0 })[0]?.path).toBe('version');
		expect(problemsOf({ ...DEFAULT_RISK_SETTINGS, version: 1.5 })[0]?.path).toBe('version');
	});

	it('risk settings - a riskier grade may not be inspected less often', () => {
		const bad = {
			...DEFAULT_RISK_SETTINGS,
			inspectionsPerYear: { A: 1, B: 4, C: 2, D: 12 }
		};
		expect(problemsOf(bad)[0]?.path).toBe('inspectionsPerYear');
	});

	it('risk settings - negative weights and a zero half-life are refused', () => {
		const weights = structuredClone(DEFAULT_RISK_SETTINGS);
		weights.alerts.perSeverity.critical = -1;
		expect(problemsOf(weights)[0]?.path).toBe('alerts.perSeverity.critical');
		expect(problemsOf({ ...DEFAULT_RISK_SETTINGS, halfLifeDays: 0 })[0]?.path).toBe('halfLifeDays');
	});

	it('risk settings - a change must take the next version number', () => {
		const next = { ...DEFAULT_RISK_SETTINGS, version: 2 };
		expect(checkSettingsChange(DEFAULT_RISK_SETTINGS, next).ok).toBe(true);
		for (const version of [1, 3]) {
			const r = checkSettingsChange(DEFAULT_RISK_SETTINGS, { ...next, version });
			expect(r.ok ? [] : r.problems.map((p) => p.path)).toEqual(['version']);
		}
		const bad = checkSettingsChange(
			DEFAULT_RISK_SETTINGS,
			withBands({ aMax: 9, bMax: 9, cMax: 9 })
		);
		expect(bad.ok).toBe(false);
	});

	it('risk settings - each grade implies its inspections a year', () => {
		const perYear = (['A', 'B', 'C', 'D'] as const).map((g) =>
			inspectionsPerYear(g, DEFAULT_RISK_SETTINGS)
		);
		expect(perYear).toEqual([1, 2, 4, 12]);
	});

	it('risk settings - a change is an event carrying the whole settings and a reason', () => {
		const event = makeEvent({
			type: 'risk.settings.changed',
			merchantId: 'city',
			districtId: '370102',
			actor: { kind: 'admin', id: 'admin1' },
			payload: {
				settings: { ...DEFAULT_RISK_SETTINGS, version: 2 },
				reason: '学校食堂权重上调'
			}
		});
		expect(fsEvent.safeParse(event).success).toBe(true);
		const inconsistent = {
			...event,
			payload: { ...event.payload, settings: withBands({ aMax: 50, bMax: 40, cMax: 60 }) }
		};
		expect(fsEvent.safeParse(inconsistent).success).toBe(false);
		expect(fsEvent.safeParse({ ...event, payload: { ...event.payload, reason: '' } }).success).toBe(
			false
		);
	});
});

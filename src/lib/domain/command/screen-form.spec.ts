import { describe, expect, it } from 'vitest';
import { screenClaims, parseKioskToken, screenDistricts } from './screen-access';
import { defaultScreenSettings } from './screen-config';
import { screenFormOf, screenSettingsFromForm, type ScreenFormInput } from './screen-form';

const good = (): ScreenFormInput => ({
	...screenFormOf(defaultScreenSettings(['370102'])),
	name: ' 历下大厅 '
});

describe('screen settings form', () => {
	it('screens - a complete form gives settings, choices kept in their canonical order', () => {
		const r = screenSettingsFromForm({
			...good(),
			districts: ['370103', '370103'],
			views: ['top_risk', 'district'],
			panels: ['ticker', 'map']
		});
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.settings.name).toBe('历下大厅');
		expect(r.settings.districts).toEqual(['370103']);
		// One district or the whole city: a screen shows one live room.
		const two = screenSettingsFromForm({ ...good(), districts: ['370102', '370103'] });
		expect(!two.ok && two.problems).toEqual([{ field: 'districts', problem: 'tooMany' }]);
		expect(r.settings.rotation).toEqual({ views: ['district', 'top_risk'], seconds: 60 });
		expect(r.settings.panels).toEqual(['map', 'ticker']);
	});

	it('screens - each refusal names its field and what is wrong', () => {
		const r = screenSettingsFromForm({
			...good(),
			name: '  ',
			districts: ['999999'],
			panels: [],
			views: [],
			rotationSeconds: '5',
			takeoverSeconds: '',
			staleAfterSeconds: '1.5',
			mapIndicator: 'colour'
		});
		expect(r.ok).toBe(false);
		if (r.ok) return;
		const byField = Object.fromEntries(r.problems.map((p) => [p.field, p]));
		expect(byField.name).toMatchObject({ problem: 'required' });
		expect(byField.districts).toMatchObject({ problem: 'unknown' });
		expect(byField.panels).toMatchObject({ problem: 'pickOne' });
		expect(byField.views).toMatchObject({ problem: 'pickOne' });
		expect(byField.rotationSeconds).toEqual({
			field: 'rotationSeconds',
			problem: 'range',
			min: 10,
			max: 3600
		});
		expect(byField.takeoverSeconds).toMatchObject({ problem: 'range', min: 0, max: 300 });
		expect(byField.staleAfterSeconds).toMatchObject({ problem: 'range' });
		expect(byField.mapIndicator).toMatchObject({ problem: 'unknown' });
		const long = screenSettingsFromForm({ ...good(), name: '屏'.repeat(61) });
		expect(!long.ok && long.problems).toEqual([{ field: 'name', problem: 'tooLong' }]);
	});

	it('screens - no districts means the whole city', () => {
		const r = screenSettingsFromForm({ ...good(), districts: [] });
		expect(r.ok && r.settings.districts).toEqual([]);
		expect(screenDistricts({ districts: [] })).toHaveLength(10);
	});
});

describe('screen access', () => {
	it('screens - claims: a read-only screen over its districts, or every district', () => {
		expect(screenClaims({ id: 'scr-abcdefghij', districts: ['370102'] })).toEqual({
			sub: 'screen:scr-abcdefghij',
			role: 'screen',
			districts: ['370102'],
			merchants: []
		});
		expect(screenClaims({ id: 'scr-abcdefghij', districts: [] }).districts).toHaveLength(10);
	});

	it('screens - kiosk tokens: screen id and secret, nothing else', () => {
		const secret = 'A'.repeat(43);
		expect(parseKioskToken(`scr-abcdefghij.${secret}`)).toEqual({
			screenId: 'scr-abcdefghij',
			secret
		});
		for (const bad of [
			'',
			'revoked',
			`scr-abcdefghij.${secret}x`,
			`scr-ABCDEFGHIJ.${secret}`,
			`scr-abcdefghij${secret}`,
			`../scr-abcdefghij.${secret}`
		]) {
			expect(parseKioskToken(bad), bad).toBeNull();
		}
	});
});

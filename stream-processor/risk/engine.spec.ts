import { describe, expect, it } from 'vitest';
import { DEFAULT_RISK_SETTINGS } from '../../src/lib/domain/risk';
import { LiveHub } from '../live/live-hub';
import { MerchantStates } from '../state/merchant-state';
import { RiskEngine } from './engine';

const NOW = Date.parse('2026-11-28T04:00:00Z');
const TZ = 'Asia/Shanghai';

function city(n: number) {
	const merchants = new MerchantStates();
	for (let i = 0; i < n; i++) {
		const m = merchants.ensure(`m-${i}`, i % 2 ? '370102' : '370103');
		m.registered = true;
	}
	return merchants;
}

describe('risk engine', () => {
	it('risk - events mark merchants; a flush scores each once and reports only changes', async () => {
		const merchants = city(3);
		const engine = new RiskEngine(merchants, TZ);
		engine.touch('m-0');
		engine.touch('m-0');
		engine.touch('m-1');
		const first = await engine.flush(NOW);
		engine.commit(first);
		expect(first.map((c) => c.merchantId).sort()).toEqual(['m-0', 'm-1']);
		expect(first[0]).toMatchObject({ before: null, cause: 'event' });
		// No licence on file: C, under the default settings.
		expect(first[0]?.result).toMatchObject({ grade: 'C', settingsVersion: 1 });

		engine.touch('m-0');
		expect(await engine.flush(NOW)).toEqual([]);
		expect(engine.pending).toBe(0);
	});

	it('risk - newer settings rescore everyone once; the same or an older version is ignored', async () => {
		const merchants = city(4);
		const engine = new RiskEngine(merchants, TZ);
		engine.touchAll('clock');
		const graded = await engine.flush(NOW);
		expect(graded).toHaveLength(4);
		engine.commit(graded);
		expect(engine.gradedByVersion()).toEqual({ 1: 4 });

		const v2 = { ...DEFAULT_RISK_SETTINGS, version: 2, bands: { aMax: 10, bMax: 20, cMax: 30 } };
		expect(engine.setSettings(v2)).toBe(true);
		expect(engine.setSettings(v2)).toBe(false);
		expect(engine.setSettings(DEFAULT_RISK_SETTINGS)).toBe(false);
		const changes = await engine.flush(NOW);
		expect(changes).toHaveLength(4);
		expect(changes.every((c) => c.cause === 'settings' && c.result.grade === 'D')).toBe(true);
		expect(changes[0]?.before).toMatchObject({ grade: 'C', settingsVersion: 1 });
		engine.commit(changes);
		expect(engine.gradedByVersion()).toEqual({ 2: 4 });
	});

	it('risk - a merchant whose scoring fails is reported and marked again; the others are scored', async () => {
		const merchants = city(2);
		const errors: string[] = [];
		const engine = new RiskEngine(merchants, TZ, undefined, (m) => errors.push(m));
		// A state no real event makes: the scoring throws for this one merchant.
		(merchants.get('m-0') as { alerts: unknown }).alerts = null;
		engine.touchAll('clock');
		const changes = await engine.flush(NOW);
		expect(changes.map((c) => c.merchantId)).toEqual(['m-1']);
		expect(errors[0]).toMatch(/^1 not scored, e\.g\. m-0: /);
		expect(engine.pending).toBe(1);
	});

	it('risk - the rooms get the grade mix and the merchants whose grade moved', async () => {
		const merchants = city(2);
		const engine = new RiskEngine(merchants, TZ);
		const live = new LiveHub(TZ, ['370102', '370103'], NOW);
		engine.touchAll('clock');
		const changes = await engine.flush(NOW);
		engine.commit(changes);
		live.onRiskChanges(changes, engine.gradeCounts(), NOW);
		const deltas = live.tick(NOW);
		const city370102 = deltas.find((d) => d.room === 'district:370102');
		expect(city370102?.totals.grades).toEqual({ A: 0, B: 0, C: 1, D: 0 });
		expect(city370102?.gradeChanges).toEqual([
			{ merchantId: 'm-1', from: null, to: 'C', score: expect.any(Number) }
		]);
		expect(deltas.find((d) => d.room === 'city')?.totals.grades.C).toBe(2);
	});
});

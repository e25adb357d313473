import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandOverview } from '../../src/lib/domain/command/overview';
import { makeEvent } from '../../src/lib/domain/events/make';
import { publishEvent } from '../../src/lib/server/backbone/publisher';
import { licence, registered, sale } from '../helpers/events';
import { eventually, startPipeline, type Pipeline } from '../helpers/processor';

// The wall's overview: the KPI tiles, the districts' figures, the top-risk list and the trends
// from one call, cut to the reader's scope.
let p: Pipeline;
const lixia = { sub: 'sup-a', role: 'supervisor' as const, districts: ['370102'], merchants: [] };

beforeAll(async () => {
	p = await startPipeline({ RISK_TICK_MS: '200' });
	await publishEvent(p.js, registered('m-w1', '370102', '甲店'));
	await publishEvent(p.js, licence('m-w1', '2030-01-01'));
	await publishEvent(p.js, registered('m-w2', '370102', '乙店'));
	await publishEvent(p.js, registered('m-w3', '370103', '丙店'));
	await publishEvent(p.js, licence('m-w3', '2030-01-01', '370103'));
	await publishEvent(p.js, sale('m-w2', { expiresOn: '2020-01-01', lotId: 'lot-x' }));
	await publishEvent(
		p.js,
		makeEvent({
			type: 'complaint.filed',
			merchantId: 'm-w2',
			districtId: '370102',
			actor: { kind: 'public', id: 'qr' },
			payload: { complaintId: 'c-w', category: 'hygiene', text: '不干净', channel: 'qr_page' }
		})
	);
}, 60_000);
afterAll(async () => {
	await p?.stop();
});

describe('command overview', () => {
	it('command overview - KPIs, districts, top risk and trends within the scope', async () => {
		const city = await eventually(async () => {
			const o = commandOverview.parse((await p.api('/api/command/overview')).body);
			const settled =
				o.kpis.complaintsToday === 1 &&
				o.topRisk.length === 3 &&
				o.kpis.openAlerts.critical === 1 &&
				o.kpis.alertsRaisedToday === 2;
			return settled ? o : undefined;
		}, 20_000);
		expect(city.kpis).toMatchObject({
			merchants: 3,
			licencesValid: 2,
			alertsRaisedToday: 2,
			complaintsToday: 1
		});
		expect(city.kpis.licencesValidShare).toBeCloseTo(2 / 3);
		expect(city.kpis.openAlerts).toMatchObject({ critical: 1 });
		expect(city.districts.map((d) => [d.id, d.merchants, d.openAlerts])).toEqual([
			['370102', 2, 2],
			['370103', 1, 0]
		]);
		// The shop without a licence that sold expired food is the riskiest, and says why.
		expect(city.topRisk[0]?.merchantId).toBe('m-w2');
		expect(city.topRisk[0]?.factors.length).toBeGreaterThan(0);
		expect(city.days).toHaveLength(14);
		expect(city.days.at(-1)).toMatchObject({ day: city.day, opened: 2 });
		const families = Object.assign({}, ...city.minutes.map(([, f]) => f));
		expect(families).toHaveProperty('merchant');

		const mine = commandOverview.parse((await p.api('/api/command/overview', lixia)).body);
		expect(mine.kpis.merchants).toBe(2);
		expect(mine.districts.map((d) => d.id)).toEqual(['370102']);
		expect(mine.topRisk.map((t) => t.merchantId).sort()).toEqual(['m-w1', 'm-w2']);
		expect((await p.api('/api/command/overview?district=370103', lixia)).status).toBe(403);
		const merchant = {
			sub: 'own',
			role: 'merchant_owner' as const,
			districts: [],
			merchants: ['m-w1']
		};
		expect((await p.api('/api/command/overview', merchant)).status).toBe(403);
	});
});

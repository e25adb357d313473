import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TicketClaims } from '../../src/lib/domain/auth/claims';
import { lotList } from '../../src/lib/domain/stock/lots';
import { publishEvent } from '../../src/lib/server/backbone/publisher';
import { purchase } from '../helpers/drill-events';
import { registered } from '../helpers/events';
import { eventually, startPipeline, type Pipeline } from '../helpers/processor';

// The read API's lots by expiry (the wall's drill-down): the window, the order, the scope.

let p: Pipeline;
const supervisorOf = (district: string): TicketClaims => ({
	sub: `sup-${district}`,
	role: 'supervisor',
	districts: [district],
	merchants: []
});
const owner: TicketClaims = {
	sub: 'own',
	role: 'merchant_owner',
	districts: [],
	merchants: ['m-l']
};
const path = '/api/merchants/m-l/lots?from=2026-03-01&to=2026-03-31';

beforeAll(async () => {
	p = await startPipeline();
	for (const e of [
		registered('m-l', '370102'),
		purchase('m-l', 'lot-late', '酸奶', '2026-03-20'),
		purchase('m-l', 'lot-early', '牛奶', '2026-03-02'),
		purchase('m-l', 'lot-outside', '面粉', '2026-06-01')
	]) {
		await publishEvent(p.js, e);
	}
});
afterAll(async () => {
	await p?.stop();
});

describe('merchant lots', () => {
	it('lots - a merchant’s lots expiring in the window, soonest first', async () => {
		const lots = await eventually(async () => {
			const r = await p.api(path, supervisorOf('370102'));
			const items = r.status === 200 ? lotList.parse(r.body).items : [];
			return items.length === 2 ? items : undefined;
		}, 20_000);
		expect(lots.map((l) => [l.lotId, l.expiresOn, l.quantity])).toEqual([
			['lot-early', '2026-03-02', 12],
			['lot-late', '2026-03-20', 12]
		]);
	});

	it('lots - outside the scope a 404; a merchant’s people and a bad window are refused', async () => {
		expect((await p.api(path, supervisorOf('370103'))).status).toBe(404);
		expect((await p.api('/api/merchants/m-none/lots?from=2026-03-01&to=2026-03-31')).status).toBe(
			404
		);
		expect((await p.api(path, owner)).status).toBe(403);
		expect((await p.api('/api/merchants/m-l/lots?from=2026-03-31&to=2026-03-01')).status).toBe(400);
	});
});

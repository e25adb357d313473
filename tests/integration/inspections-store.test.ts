import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TicketClaims } from '../../src/lib/domain/auth/claims';
import { makeEvent } from '../../src/lib/domain/events/make';
import { inspectionList, storedInspection } from '../../src/lib/domain/inspections/read-model';
import { riskResult } from '../../src/lib/domain/risk/risk-result';
import { publishEvent } from '../../src/lib/server/backbone/publisher';
import { registered } from '../helpers/events';
import { eventually, startPipeline, type Pipeline } from '../helpers/processor';

// The processor's side alone: an inspection.completed from the stream, its row, the risk
// model's memory of it across a restart, and the read API's scope.

let p: Pipeline;
const D = '370102';
const inspectorOf = (district: string): TicketClaims => ({
	sub: `insp-${district}`,
	role: 'inspector',
	districts: [district],
	merchants: []
});

beforeAll(async () => {
	p = await startPipeline();
	await publishEvent(p.js, registered('m-r', D));
});
afterAll(async () => {
	await p?.stop();
});

const failed = makeEvent({
	type: 'inspection.completed',
	merchantId: 'm-r',
	districtId: D,
	actor: { kind: 'inspector', id: 'insp-a' },
	payload: {
		inspectionId: 'insp-restart-1',
		inspectorId: 'insp-a',
		result: 'fail',
		findings: [{ code: 'raw_cooked_separated', text: '生熟混放' }],
		checklist: [
			{ itemId: 'raw_cooked_separated', outcome: 'fail', note: '生熟混放' },
			{ itemId: 'tableware_disinfected', outcome: 'fail' },
			{ itemId: 'kitchen_clean', outcome: 'pass' }
		],
		rectification: {
			itemIds: ['raw_cooked_separated', 'tableware_disinfected'],
			deadline: '2026-12-05T15:59:59.000Z'
		}
	}
});

const inspectionFactor = async () => {
	const r = await p.api('/api/merchants/m-r/risk');
	return riskResult.parse(r.body).factors.find((f) => f.id === 'inspection');
};

describe('inspections in the store', () => {
	it('inspections - the risk model keeps a failed visit across a restart; a copy is stored once', async () => {
		await publishEvent(p.js, failed);
		const before = await eventually(inspectionFactor, 20_000, 'inspection factor');
		expect(before.facts).toMatchObject({ criticalFindings: 2 });
		await p.restart();
		expect(await inspectionFactor()).toEqual(before);
		// The same event again after the restart (outside NATS' dedup window in real life).
		await p.nc.publish(`fs.ev.inspection.${D}.m-r`, JSON.stringify(failed));
		await publishEvent(p.js, registered('m-r2', D));
		await eventually(
			async () => ((await p.api('/api/merchants/m-r2')).status === 200 ? true : undefined),
			20_000
		);
		const list = inspectionList.parse((await p.api('/api/inspections?merchant=m-r')).body);
		expect(list.total).toBe(1);
		expect(list.items[0]?.criticalFindings).toBe(2);
	});

	it('inspections - the read API answers in the ticket’s scope only', async () => {
		await eventually(async () => {
			const r = await p.api('/api/inspections/insp-restart-1', inspectorOf(D));
			return r.status === 200 ? r : undefined;
		}, 20_000);
		const mine = await p.api('/api/inspections/insp-restart-1', inspectorOf(D));
		const deadline = storedInspection.parse(mine.body).rectificationDeadline;
		expect(Date.parse(deadline ?? '')).toBe(Date.parse('2026-12-05T15:59:59.000Z'));
		expect((await p.api('/api/inspections/insp-restart-1', inspectorOf('370103'))).status).toBe(
			404
		);
		const other = await p.api('/api/inspections?merchant=m-r', inspectorOf('370103'));
		expect(inspectionList.parse(other.body).total).toBe(0);
		expect((await p.api(`/api/inspections?district=${D}`, inspectorOf('370103'))).status).toBe(403);
	});
});

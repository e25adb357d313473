import { describe, expect, it } from 'vitest';
import type { Alert } from '../../src/lib/domain/alert';
import { makeEvent } from '../../src/lib/domain/events/make';
import type { FsEventOf } from '../../src/lib/domain/events';
import { alertFollowUps, applyInspection, followUpEventId } from './apply-inspection';
import { emptyMerchant, MAX_INSPECTIONS_PER_MERCHANT } from './merchant-state';

const inspection = (
	payload: Partial<FsEventOf<'inspection.completed'>['payload']>,
	occurredAt = '2026-11-28T02:00:00.000Z'
) =>
	makeEvent({
		type: 'inspection.completed',
		merchantId: 'm-1',
		districtId: '370102',
		actor: { kind: 'inspector', id: 'insp-a' },
		occurredAt,
		payload: {
			inspectionId: 'insp-1',
			inspectorId: 'insp-a',
			result: 'pass',
			findings: [],
			...payload
		}
	});

const alertIn = (status: Alert['status'], id: string) => ({ id, status }) as Alert;

describe('inspections in the processor', () => {
	it('inspections - critical findings are failed key items; without a checklist, the findings', () => {
		const m = emptyMerchant('m-1', '370102');
		const row = applyInspection(
			m,
			inspection({
				result: 'fail',
				checklist: [
					{ itemId: 'raw_cooked_separated', outcome: 'fail' },
					{ itemId: 'kitchen_clean', outcome: 'fail' },
					{ itemId: 'licence_displayed', outcome: 'pass' }
				]
			}),
			7
		);
		expect(row.criticalFindings).toBe(1);
		expect(m.inspections).toEqual([
			{ id: 'insp-1', at: '2026-11-28T02:00:00.000Z', result: 'fail', criticalFindings: 1 }
		]);
		applyInspection(
			m,
			inspection({
				inspectionId: 'insp-2',
				result: 'rectify',
				findings: [{ code: 'a', text: 'b' }]
			}),
			8
		);
		expect(m.inspections.map((i) => i.criticalFindings)).toEqual([1, 1]);
	});

	it('inspections - the same inspection twice is kept once; only the newest few are kept', () => {
		const m = emptyMerchant('m-1', '370102');
		applyInspection(m, inspection({}), 1);
		applyInspection(m, inspection({}), 2);
		expect(m.inspections).toHaveLength(1);
		for (let n = 0; n < MAX_INSPECTIONS_PER_MERCHANT + 5; n++) {
			const at = new Date(Date.UTC(2026, 0, 1 + n)).toISOString();
			applyInspection(m, inspection({ inspectionId: `insp-x${n}` }, at), 10 + n);
		}
		expect(m.inspections).toHaveLength(MAX_INSPECTIONS_PER_MERCHANT);
		expect(m.inspections.at(-1)?.id).toBe('insp-1');
	});

	it('inspections - a passing visit verifies its alerts on site at any step and closes them, with fixed ids', () => {
		const m = emptyMerchant('m-1', '370102');
		for (const [id, status] of [
			['a-fix', 'fix_reported'],
			['a-esc', 'escalated'],
			['a-open', 'open']
		] as const) {
			m.alerts.set(id, alertIn(status, id));
		}
		const e = inspection({ alertIds: ['a-fix', 'a-esc', 'a-open', 'a-gone'] });
		const out = alertFollowUps(m, e);
		expect(out.map((x) => [x.type, (x.payload as { alertId: string }).alertId])).toEqual([
			['alert.verified', 'a-fix'],
			['alert.closed', 'a-fix'],
			['alert.verified', 'a-esc'],
			['alert.closed', 'a-esc'],
			['alert.verified', 'a-open'],
			['alert.closed', 'a-open']
		]);
		expect(out[0]?.payload).toEqual({ alertId: 'a-fix', how: 'visit' });
		expect(out[0]?.id).toBe(followUpEventId('insp-1', 'a-fix', 'verified'));
		expect(alertFollowUps(m, e).map((x) => x.id)).toEqual(out.map((x) => x.id));
	});

	it('inspections - a visit that is not 合格 closes nothing', () => {
		const m = emptyMerchant('m-1', '370102');
		m.alerts.set('a-fix', alertIn('fix_reported', 'a-fix'));
		expect(alertFollowUps(m, inspection({ result: 'rectify', alertIds: ['a-fix'] }))).toEqual([]);
	});
});

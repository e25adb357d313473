import { describe, expect, it } from 'vitest';
import type { Alert } from '../alert';
import { actionOfForm, actionsAllowed, bulkOutcome, eventOfAction, mayTakeAction } from './actions';
import { planBulk } from './lifecycle';
import { alertFixReported, alertNotified } from '../events/alert';

const at = '2026-11-28T03:00:00.000Z';
const alertIn = (id: string, status: Alert['status']): Alert => ({
	id,
	rule: 'ai_detection',
	severity: 'medium',
	status,
	merchantId: 'm-a',
	districtId: '370102',
	merchantName: '甲店',
	facts: {},
	evidence: [],
	raisedAt: '2026-11-28T02:00:00.000Z',
	updatedAt: '2026-11-28T02:00:00.000Z'
});
const toInstant = (local: string) => `${local}:00.000+08:00`;

describe('alert actions', () => {
	it('alert actions - regulators act, inspectors only read, the shop only reports fixes', () => {
		expect(mayTakeAction('supervisor', 'acknowledge')).toBe(true);
		expect(mayTakeAction('admin', 'dismiss')).toBe(true);
		expect(mayTakeAction('supervisor', 'report_fix')).toBe(false);
		expect(mayTakeAction('inspector', 'acknowledge')).toBe(false);
		expect(mayTakeAction('inspector', 'verify')).toBe(false);
		expect(mayTakeAction('merchant_staff', 'report_fix')).toBe(true);
		expect(mayTakeAction('merchant_owner', 'close')).toBe(false);
	});

	it('alert actions - the steps shown follow the state and the role', () => {
		expect(actionsAllowed(alertIn('a', 'fix_reported'), 'supervisor')).toEqual([
			'verify',
			'notify',
			'escalate'
		]);
		expect(actionsAllowed(alertIn('a', 'verified'), 'admin')).toEqual(['close']);
		expect(actionsAllowed(alertIn('a', 'open'), 'inspector')).toEqual([]);
		expect(actionsAllowed(alertIn('a', 'notified'), 'merchant_owner')).toEqual(['report_fix']);
	});

	it('alert actions - a form becomes an action; a missing field is named', () => {
		expect(
			actionOfForm({ kind: 'notify', deadline: '2026-12-01T18:00', notice: ' 戴口罩 ' }, toInstant)
		).toEqual({
			ok: true,
			action: { kind: 'notify', deadline: '2026-12-01T18:00:00.000+08:00', notice: '戴口罩' }
		});
		expect(actionOfForm({ kind: 'escalate', reason: '屡改屡犯' }, toInstant)).toEqual({
			ok: true,
			action: { kind: 'escalate', reason: '屡改屡犯', auto: false }
		});
		expect(actionOfForm({ kind: 'dismiss', reason: '  ' }, toInstant)).toEqual({
			ok: false,
			problem: 'reason'
		});
		expect(actionOfForm({ kind: 'notify', notice: 'x' }, toInstant)).toEqual({
			ok: false,
			problem: 'deadline'
		});
		// The shop's step is not a regulator's form.
		expect(actionOfForm({ kind: 'report_fix', note: 'x' }, toInstant)).toMatchObject({ ok: false });
	});

	it('alert actions - each action is the event its schema accepts', () => {
		const n = eventOfAction('a:1', { kind: 'notify', deadline: at, notice: '限期' });
		expect(n.type).toBe('alert.notified');
		expect(alertNotified.parse(n.payload)).toEqual({
			alertId: 'a:1',
			deadline: at,
			notice: '限期'
		});
		const f = eventOfAction('a:1', { kind: 'report_fix', note: '已改', attachmentIds: [] });
		expect(f).toEqual({ type: 'alert.fix_reported', payload: { alertId: 'a:1', note: '已改' } });
		expect(alertFixReported.safeParse(f.payload).success).toBe(true);
		expect(eventOfAction('a:1', { kind: 'escalate', reason: 'r', auto: false })).toEqual({
			type: 'alert.escalated',
			payload: { alertId: 'a:1', reason: 'r', auto: false }
		});
	});

	it('alert actions - bulk outcome: done, refused by state, by deadline, and not found', () => {
		const found = new Map([
			['open-1', alertIn('open-1', 'open')],
			['open-2', alertIn('open-2', 'open')],
			['closed-1', alertIn('closed-1', 'closed')]
		]);
		const ack = { kind: 'acknowledge' } as const;
		const out = bulkOutcome(
			['open-1', 'closed-1', 'elsewhere', 'open-2', 'open-1'],
			found,
			'acknowledge',
			planBulk([...found.values()], ack, at)
		);
		expect(out.done).toEqual(['open-1', 'open-2']);
		expect(out.refused).toEqual([
			{
				id: 'closed-1',
				code: 'not_allowed',
				status: 'closed',
				reason: 'alert closed-1 is closed: acknowledge is not allowed (allowed: none)'
			},
			{ id: 'elsewhere', code: 'not_found', reason: 'no alert elsewhere in your districts' }
		]);
		const late = { kind: 'notify', deadline: '2026-11-01T00:00:00.000Z', notice: 'x' } as const;
		const acked = new Map([['a', alertIn('a', 'acknowledged')]]);
		const r = bulkOutcome(['a'], acked, 'notify', planBulk([...acked.values()], late, at));
		expect(r.refused[0]).toMatchObject({ id: 'a', code: 'deadline', status: 'acknowledged' });
	});
});

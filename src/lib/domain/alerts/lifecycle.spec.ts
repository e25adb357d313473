import { describe, expect, it } from 'vitest';
import type { Alert, AlertStatus } from '../alert';
import { alertStatus } from '../alert';
import { alertTransitions, isActive, planBulk, transition, type AlertAction } from './lifecycle';

const raisedAt = '2026-11-28T02:00:00.000Z';
const base: Alert = {
	id: 'licence_expired:m1:2026-11-01',
	rule: 'licence_expired',
	severity: 'high',
	status: 'open',
	merchantId: 'm1',
	districtId: '370102',
	merchantName: '测试商户',
	facts: {},
	evidence: [],
	raisedAt,
	updatedAt: raisedAt
};
const at = '2026-11-28T03:00:00.000Z';
const deadline = '2026-12-01T00:00:00.000Z';

const actions: Record<AlertAction['kind'], AlertAction> = {
	acknowledge: { kind: 'acknowledge' },
	notify: { kind: 'notify', deadline, notice: '限期整改' },
	report_fix: { kind: 'report_fix', note: '已更换', attachmentIds: ['a1'] },
	verify: { kind: 'verify', how: 'remote' },
	close: { kind: 'close' },
	escalate: { kind: 'escalate', reason: '多次未改', auto: false },
	dismiss: { kind: 'dismiss', reason: '设备误报' }
};

const expected: [AlertStatus, AlertAction['kind'], AlertStatus][] = [
	['open', 'acknowledge', 'acknowledged'],
	['open', 'escalate', 'escalated'],
	['open', 'dismiss', 'dismissed'],
	['acknowledged', 'notify', 'notified'],
	['acknowledged', 'escalate', 'escalated'],
	['acknowledged', 'dismiss', 'dismissed'],
	['notified', 'report_fix', 'fix_reported'],
	['notified', 'escalate', 'escalated'],
	['notified', 'dismiss', 'dismissed'],
	['fix_reported', 'verify', 'verified'],
	['fix_reported', 'notify', 'notified'],
	['fix_reported', 'escalate', 'escalated'],
	['verified', 'close', 'closed'],
	['escalated', 'notify', 'notified'],
	['escalated', 'close', 'closed']
];

describe('alert lifecycle', () => {
	it('lifecycle - the table allows exactly the listed transitions', () => {
		const table = Object.entries(alertTransitions).flatMap(([from, moves]) =>
			Object.entries(moves).map(([action, to]) => [from, action, to])
		);
		expect(table.sort()).toEqual(expected.map((t) => [...t]).sort());
	});

	it.each(expected)('lifecycle - %s + %s → %s', (from, kind, to) => {
		const r = transition({ ...base, status: from }, actions[kind], at);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.alert.status).toBe(to);
		expect(r.alert.updatedAt).toBe(at);
	});

	it('lifecycle - every other action is refused, with the state and what is allowed', () => {
		let refused = 0;
		for (const from of alertStatus.options) {
			for (const action of Object.values(actions)) {
				if (expected.some(([f, k]) => f === from && k === action.kind)) continue;
				const r = transition({ ...base, status: from }, action, at);
				expect(r.ok, `${from} + ${action.kind}`).toBe(false);
				if (!r.ok) expect(r.reason).toContain(`is ${from}: ${action.kind} is not allowed`);
				refused++;
			}
		}
		expect(refused).toBe(8 * 7 - expected.length);
		const r = transition(base, actions.close, at);
		expect(r).toEqual({
			ok: false,
			reason: `alert ${base.id} is open: close is not allowed (allowed: acknowledge, escalate, dismiss)`
		});
		const final = transition({ ...base, status: 'closed' }, actions.acknowledge, at);
		expect(final.ok || final.reason).toContain('allowed: none');
	});

	it('lifecycle - a visit verifies on site at any step before verification; remotely only a reported fix', () => {
		const visit = { kind: 'verify', how: 'visit' } as const;
		const remote = { kind: 'verify', how: 'remote' } as const;
		for (const from of ['open', 'acknowledged', 'notified', 'escalated'] as const) {
			const r = transition({ ...base, status: from }, visit, at);
			expect(r.ok && r.alert.status, from).toBe('verified');
			expect(transition({ ...base, status: from }, remote, at).ok, from).toBe(false);
		}
		for (const from of ['verified', 'closed', 'dismissed'] as const) {
			expect(transition({ ...base, status: from }, visit, at).ok, from).toBe(false);
		}
	});

	it('lifecycle - each step keeps what it was given', () => {
		const notified = transition({ ...base, status: 'acknowledged' }, actions.notify, at);
		expect(notified.ok && notified.alert).toMatchObject({
			deadline,
			notice: '限期整改',
			slaDueAt: deadline
		});
		const fixed = transition({ ...base, status: 'notified' }, actions.report_fix, at);
		expect(fixed.ok && fixed.alert).toMatchObject({ fixNote: '已更换', fixAttachmentIds: ['a1'] });
		const verified = transition({ ...base, status: 'fix_reported' }, actions.verify, at);
		expect(verified.ok && verified.alert).toMatchObject({ verifiedHow: 'remote', slaDueAt: null });
		const dismissed = transition(base, actions.dismiss, at);
		expect(dismissed.ok && dismissed.alert).toMatchObject({ reason: '设备误报' });
		expect(isActive('dismissed')).toBe(false);
		expect(isActive('escalated')).toBe(true);
	});

	it('lifecycle - a notice whose deadline is not after it is refused', () => {
		const r = transition(
			{ ...base, status: 'acknowledged' },
			{ kind: 'notify', deadline: at, notice: '限期整改' },
			at
		);
		expect(r.ok).toBe(false);
	});

	it('lifecycle - a step stamped before the last change still makes a newer version', () => {
		const r = transition({ ...base, updatedAt: at }, actions.acknowledge, raisedAt);
		expect(r.ok && r.alert.updatedAt).toBe('2026-11-28T03:00:00.001Z');
	});

	it('lifecycle - a bulk dismissal takes the alerts that allow it and says why not the others', () => {
		const plan = planBulk(
			[base, { ...base, id: 'b', status: 'acknowledged' }, { ...base, id: 'c', status: 'closed' }],
			actions.dismiss,
			at
		);
		expect(plan.allowed.map((a) => [a.id, a.status])).toEqual([
			[base.id, 'dismissed'],
			['b', 'dismissed']
		]);
		expect(plan.refused).toEqual([
			{ id: 'c', reason: 'alert c is closed: dismiss is not allowed (allowed: none)' }
		]);
	});
});

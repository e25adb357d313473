import { describe, expect, it } from 'vitest';
import type { AlertDraft } from '../../src/lib/domain/alert';
import { defaultSlaPolicy, scaledSlaPolicy } from '../../src/lib/domain/alerts/sla';
import { makeEvent, type NewEvent } from '../../src/lib/domain/events/make';
import type { EventType } from '../../src/lib/domain/events';
import { raiseAlerts } from '../rules/raise';
import { dueEscalations, escalationEventId } from '../rules/sla-escalations';
import { applyAlertEvent, moveAlerts } from './apply-alert';
import { emptyMerchant } from './merchant-state';

const T0 = Date.parse('2026-11-28T02:00:00.000Z');
const draft: AlertDraft = {
	rule: 'expired_lot_sold',
	severity: 'critical',
	merchantId: 'm1',
	districtId: '370102',
	period: '2026-11-28:lot-1',
	facts: {},
	evidence: []
};
const id = 'expired_lot_sold:m1:2026-11-28:lot-1';

function step<T extends EventType>(type: T, payload: NewEvent<T>['payload'], at = T0 + 60_000) {
	return makeEvent(
		{
			type,
			merchantId: 'm1',
			districtId: '370102',
			actor: { kind: 'supervisor', id: 'u1' },
			payload
		},
		at
	);
}

function merchantWithAlert() {
	const m = emptyMerchant('m1', '370102');
	const [a] = raiseAlerts(m, [draft], T0);
	return { m, a: a! };
}

describe('alert steps in the processor', () => {
	it('alerts - a raise fills category, source, group and the SLA due time', () => {
		const { a } = merchantWithAlert();
		expect(a).toMatchObject({
			status: 'open',
			category: 'stock',
			source: 'rule:expired_lot_sold',
			groupId: 'rule:expired_lot_sold|370102|2026-11-28T02:00:00.000Z',
			slaDueAt: new Date(T0 + defaultSlaPolicy.acknowledge.critical).toISOString()
		});
	});

	it('alerts - a step changes the alert in memory; a refused one changes nothing', () => {
		const { m } = merchantWithAlert();
		const ack = step('alert.acknowledged', { alertId: id });
		const r = applyAlertEvent(m, ack, defaultSlaPolicy);
		expect(r.kind === 'changed' && r.alert).toMatchObject({
			status: 'acknowledged',
			lastEventId: ack.id
		});
		expect(m.alerts.get(id)?.status).toBe('acknowledged');
		const again = applyAlertEvent(m, step('alert.acknowledged', { alertId: id }), defaultSlaPolicy);
		expect(again).toEqual({
			kind: 'refused',
			reason: `alert ${id} is acknowledged: acknowledge is not allowed (allowed: notify, escalate, dismiss)`
		});
		expect(m.alerts.get(id)?.lastEventId).toBe(ack.id);
		const unknown = applyAlertEvent(m, step('alert.closed', { alertId: 'nope' }), defaultSlaPolicy);
		expect(unknown.kind).toBe('refused');
		expect(
			applyAlertEvent(
				m,
				step('ai.detection.reported', { sourceId: 'c', label: 'rat', confidence: 1 }),
				defaultSlaPolicy
			)
		).toEqual({ kind: 'none' });
	});

	it('alerts - a dismissed alert is not raised again by the same rule and period', () => {
		const { m } = merchantWithAlert();
		const r = applyAlertEvent(
			m,
			step('alert.dismissed', { alertId: id, reason: '误报' }),
			defaultSlaPolicy
		);
		expect(r.kind).toBe('changed');
		expect(m.alerts.has(id)).toBe(false);
		expect(raiseAlerts(m, [draft], T0 + 120_000)).toEqual([]);
		const late = applyAlertEvent(m, step('alert.acknowledged', { alertId: id }), defaultSlaPolicy);
		expect(late.kind === 'refused' && late.reason).toContain('closed or dismissed');
	});

	it('alerts - the clock escalates a breach once, with one id per alert and breach', () => {
		const { m } = merchantWithAlert();
		const policy = scaledSlaPolicy(0.001);
		expect(dueEscalations([m], T0 + 899, policy)).toEqual([]);
		const [e] = dueEscalations([m], T0 + 900, policy);
		const [again] = dueEscalations([m], T0 + 5_000, policy);
		expect(e?.id).toBe(again?.id);
		expect(e?.id).toBe(escalationEventId(id, 'acknowledge', new Date(T0 + 900).toISOString()));
		expect(e?.payload).toMatchObject({ alertId: id, auto: true, step: 'acknowledge' });
		expect(applyAlertEvent(m, e!, policy).kind).toBe('changed');
		expect(m.alerts.get(id)).toMatchObject({ status: 'escalated', escalatedAuto: true });
		expect(dueEscalations([m], T0 + 10_000, policy)).toEqual([]);
		// A copy of the same escalation arriving later is ours, not bad input.
		expect(applyAlertEvent(m, again!, policy)).toEqual({ kind: 'stale' });
	});

	it('alerts - an automatic escalation the alert moved past is stale', () => {
		const { m } = merchantWithAlert();
		const policy = scaledSlaPolicy(0.001);
		const [e] = dueEscalations([m], T0 + 1_000, policy);
		applyAlertEvent(m, step('alert.acknowledged', { alertId: id }, T0 + 500), policy);
		expect(applyAlertEvent(m, e!, policy)).toEqual({ kind: 'stale' });
		expect(m.alerts.get(id)?.status).toBe('acknowledged');
	});

	it('alerts - a step taken on an older version of the alert is refused; on the version seen it applies', () => {
		const { m } = merchantWithAlert();
		const ack = step('alert.acknowledged', { alertId: id, after: '' });
		const first = applyAlertEvent(m, ack, defaultSlaPolicy);
		expect(first.kind).toBe('changed');
		// A second supervisor acted on the fresh alert too: it has changed since.
		const dismiss = step('alert.dismissed', { alertId: id, after: '', reason: '误报' });
		const second = applyAlertEvent(m, dismiss, defaultSlaPolicy);
		expect(second).toEqual({
			kind: 'refused',
			reason: `alert ${id} changed since it was read (dismiss was taken on an older version)`
		});
		const onSeen = step('alert.dismissed', { alertId: id, after: ack.id, reason: '误报' });
		expect(applyAlertEvent(m, onSeen, defaultSlaPolicy).kind).toBe('changed');
	});

	it('alerts - a merchant moving district takes its unfinished alerts along', () => {
		const { m, a } = merchantWithAlert();
		m.districtId = '370103';
		const moved = moveAlerts(m, new Date(T0 + 1_000).toISOString());
		expect(moved).toHaveLength(1);
		expect(moved[0]).toMatchObject({ id: a.id, districtId: '370103', status: 'open' });
		expect(Date.parse(moved[0]!.updatedAt)).toBeGreaterThan(Date.parse(a.updatedAt));
		expect(m.alerts.get(a.id)?.districtId).toBe('370103');
		expect(moveAlerts(m, new Date(T0 + 2_000).toISOString())).toEqual([]);
	});
});

import { describe, expect, it } from 'vitest';
import type { Alert, AlertSeverity } from '../alert';
import { defaultSlaPolicy, scaledSlaPolicy, slaBreaches, slaDue } from './sla';

const raisedAt = '2026-11-28T02:00:00.000Z';
const alert = (severity: AlertSeverity, extra: Partial<Alert> = {}): Alert => ({
	id: `x:m1:${severity}`,
	rule: 'expired_lot_sold',
	severity,
	status: 'open',
	merchantId: 'm1',
	districtId: '370102',
	merchantName: '',
	facts: {},
	evidence: [],
	raisedAt,
	updatedAt: raisedAt,
	...extra
});
const MIN = 60_000;

describe('alert SLA', () => {
	it.each([
		['critical', 15 * MIN],
		['high', 60 * MIN],
		['medium', 240 * MIN],
		['low', 24 * 60 * MIN]
	] as const)('sla - a %s alert not acknowledged within %i ms is breached', (severity, ms) => {
		const a = alert(severity);
		const due = new Date(Date.parse(raisedAt) + ms).toISOString();
		expect(slaDue(a)).toEqual({ step: 'acknowledge', dueAt: due });
		expect(slaBreaches(a, Date.parse(due) - 1)).toEqual([]);
		expect(slaBreaches(a, Date.parse(due))).toEqual([{ step: 'acknowledge', dueAt: due }]);
	});

	it('sla - a notified alert runs against its deadline; verified, escalated and closed run no timer', () => {
		const deadline = '2026-12-01T00:00:00.000Z';
		const notified = alert('low', { status: 'notified', deadline });
		expect(slaBreaches(notified, Date.parse(deadline) - 1)).toEqual([]);
		expect(slaBreaches(notified, Date.parse(deadline))).toEqual([{ step: 'fix', dueAt: deadline }]);
		const far = Date.parse('2030-01-01T00:00:00Z');
		for (const status of ['verified', 'escalated', 'closed', 'dismissed'] as const) {
			expect(slaBreaches(alert('critical', { status }), far), status).toEqual([]);
		}
	});

	it('sla - an acknowledged alert must be notified, a reported fix verified, from that step on', () => {
		const since = '2026-11-28T02:00:00.000Z';
		const at = (ms: number) => new Date(Date.parse(since) + ms).toISOString();
		const acked = alert('high', { status: 'acknowledged', updatedAt: since });
		expect(slaDue(acked)).toEqual({ step: 'notify', dueAt: at(defaultSlaPolicy.notify.high) });
		expect(slaBreaches(acked, Date.parse(since) + defaultSlaPolicy.notify.high - 1)).toEqual([]);
		expect(slaBreaches(acked, Date.parse(since) + defaultSlaPolicy.notify.high)).toHaveLength(1);
		const reported = alert('medium', { status: 'fix_reported', updatedAt: since });
		expect(slaDue(reported)).toEqual({
			step: 'verify',
			dueAt: at(defaultSlaPolicy.verify.medium)
		});
	});

	it('sla - a scaled policy shrinks every duration', () => {
		const p = scaledSlaPolicy(0.001);
		expect(p.acknowledge.critical).toBe(defaultSlaPolicy.acknowledge.critical / 1000);
		expect(slaBreaches(alert('critical'), Date.parse(raisedAt) + 900, p)).toHaveLength(1);
		expect(slaBreaches(alert('critical'), Date.parse(raisedAt) + 899, p)).toHaveLength(0);
	});
});

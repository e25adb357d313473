import { describe, expect, it } from 'vitest';
import type { AlertSeverity, AlertStatus } from '../alert';
import {
	factorsByWeight,
	lotState,
	lotWindow,
	mayDispatch,
	merchantDrill,
	monthStart,
	orderAlerts,
	staffByConcern
} from './drill';

const alert = (id: string, status: AlertStatus, severity: AlertSeverity, raisedAt: string) => ({
	id,
	status,
	severity,
	raisedAt
});

describe('command drill-down', () => {
	it('drill - active alerts come first, most severe then newest; handled ones follow once each', () => {
		const active = [
			alert('a1', 'open', 'medium', '2026-11-03T08:00:00.000Z'),
			alert('a2', 'acknowledged', 'critical', '2026-11-01T08:00:00.000Z'),
			alert('a3', 'escalated', 'medium', '2026-11-04T08:00:00.000Z')
		];
		const recent = [
			alert('a3', 'escalated', 'medium', '2026-11-04T08:00:00.000Z'),
			alert('c1', 'closed', 'critical', '2026-11-05T08:00:00.000Z'),
			alert('a1', 'open', 'medium', '2026-11-03T08:00:00.000Z'),
			alert('d1', 'dismissed', 'low', '2026-11-06T08:00:00.000Z')
		];
		const ordered = orderAlerts(active, recent, 10);
		expect(ordered.map((a) => a.id)).toEqual(['a2', 'a3', 'a1', 'd1', 'c1']);
		expect(ordered.map((a) => a.active)).toEqual([true, true, true, false, false]);
		expect(orderAlerts(active, recent, 2).map((a) => a.id)).toEqual(['a2', 'a3']);
	});

	it('drill - factors are sorted by points, ties by id, without changing the input', () => {
		const factors = [
			{ id: 'b', points: 5 },
			{ id: 'a', points: 5 },
			{ id: 'c', points: 12.5 }
		];
		expect(factorsByWeight(factors).map((f) => f.id)).toEqual(['c', 'a', 'b']);
		expect(factors.map((f) => f.id)).toEqual(['b', 'a', 'c']);
	});

	it('drill - lots: thirty days back to seven ahead; before today is expired', () => {
		expect(lotWindow('2026-03-02')).toEqual({ from: '2026-01-31', to: '2026-03-09' });
		expect(lotState('2026-03-01', '2026-03-02')).toBe('expired');
		expect(lotState('2026-03-02', '2026-03-02')).toBe('near_expiry');
		expect(monthStart('2026-03-17')).toBe('2026-03-01');
	});

	it('drill - staff whose certificate needs action come first', () => {
		const staff = [
			{ name: '甲', certStatus: 'valid' as const },
			{ name: '乙', certStatus: 'expiring' as const },
			{ name: '丙', certStatus: 'expired' as const },
			{ name: '丁', certStatus: 'missing' as const }
		];
		expect(staffByConcern(staff).map((s) => s.name)).toEqual(['丙', '丁', '乙', '甲']);
	});

	it('drill - supervisors and admins dispatch; the answer carries no contact or ID fields', () => {
		expect(mayDispatch('supervisor')).toBe(true);
		expect(mayDispatch('admin')).toBe(true);
		expect(mayDispatch('inspector')).toBe(false);
		const staffShape = Object.keys(merchantDrill.shape.staff.element.shape);
		const merchantShape = Object.keys(merchantDrill.shape.merchant.shape);
		for (const key of [...staffShape, ...merchantShape]) {
			expect(key).not.toMatch(/phone|idNumber|certNumber|contact/i);
		}
	});
});

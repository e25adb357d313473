import { describe, expect, it } from 'vitest';
import { makeEvent } from '../events/make';
import { complaintFiled } from './complaint-filed';
import { inspectionFailed } from './inspection-failed';
import { outOfRange, sensorExcursion } from './sensor-excursion';

const AT = Date.parse('2026-11-28T02:00:00Z');
const base = { merchantId: 'm1', districtId: '370102' };

const complaint = (category: 'illness' | 'price') =>
	makeEvent(
		{
			...base,
			type: 'complaint.filed',
			actor: { kind: 'public', id: 'qr' },
			payload: {
				complaintId: `c-${category}`,
				category,
				text: '张三说吃完肚子疼',
				channel: 'qr_page'
			}
		},
		AT
	);

const inspection = (result: 'pass' | 'rectify' | 'fail') =>
	makeEvent(
		{
			...base,
			type: 'inspection.completed',
			actor: { kind: 'inspector', id: 'insp-a' },
			payload: {
				inspectionId: `i-${result}`,
				inspectorId: 'insp-a',
				result,
				findings: [],
				checklist: [
					{ itemId: 'licence_displayed', outcome: 'pass' },
					{ itemId: 'raw_cooked_separated', outcome: 'fail' },
					{ itemId: 'pest_control', outcome: 'fail' }
				]
			}
		},
		AT
	);

const reading = (kind: 'fridge_temp' | 'freezer_temp' | 'hot_holding_temp', value: number) =>
	makeEvent(
		{
			...base,
			type: 'sensor.reading.recorded',
			actor: { kind: 'device', id: 'd1' },
			payload: { deviceId: 'd1', kind, value, unit: '°C' }
		},
		AT
	);

describe('alerts from complaints, inspections and sensors', () => {
	it('complaints - every complaint is an alert, by category, without its text', () => {
		const e = complaint('illness');
		const draft = complaintFiled(e);
		expect(draft).toMatchObject({
			rule: 'complaint_filed',
			severity: 'high',
			period: 'c-illness',
			source: 'complaint:qr_page',
			facts: { category: 'illness', channel: 'qr_page', complaintId: 'c-illness' },
			evidence: [e.id]
		});
		expect(JSON.stringify(draft)).not.toContain('张三');
		expect(complaintFiled(complaint('price')).severity).toBe('low');
	});

	it('inspections - only 不合格 raises an alert, counting the failed items', () => {
		expect(inspectionFailed(inspection('pass'))).toBeNull();
		expect(inspectionFailed(inspection('rectify'))).toBeNull();
		expect(inspectionFailed(inspection('fail'))).toMatchObject({
			rule: 'inspection_failed',
			severity: 'high',
			period: 'i-fail',
			source: 'inspection:insp-a',
			facts: { inspectionId: 'i-fail', failedItems: 2 }
		});
	});

	it('sensors - the safe ranges, edges included', () => {
		expect(outOfRange('fridge_temp', 8)).toBe(false);
		expect(outOfRange('fridge_temp', 8.1)).toBe(true);
		expect(outOfRange('freezer_temp', -12)).toBe(false);
		expect(outOfRange('freezer_temp', -11.9)).toBe(true);
		expect(outOfRange('hot_holding_temp', 60)).toBe(false);
		expect(outOfRange('hot_holding_temp', 59.9)).toBe(true);
	});

	it('sensors - one reading out of range is a door opened; two in a row an alert per device and day', () => {
		const warm = reading('fridge_temp', 11.5);
		expect(sensorExcursion(warm, 1, 'Asia/Shanghai')).toBeNull();
		expect(sensorExcursion(warm, 2, 'Asia/Shanghai')).toMatchObject({
			rule: 'sensor_out_of_range',
			severity: 'medium',
			period: '2026-11-28:d1',
			source: 'device:d1',
			facts: { deviceId: 'd1', kind: 'fridge_temp', value: 11.5, limit: 8 }
		});
		expect(sensorExcursion(reading('fridge_temp', 4), 5, 'Asia/Shanghai')).toBeNull();
	});
});

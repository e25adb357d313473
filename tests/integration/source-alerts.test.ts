import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeEvent } from '../../src/lib/domain/events/make';
import { publishEvent } from '../../src/lib/server/backbone/publisher';
import { registered } from '../helpers/events';
import { eventually, startPipeline, type Pipeline } from '../helpers/processor';

let p: Pipeline;
const D = '370102';

beforeAll(async () => {
	p = await startPipeline();
	for (const m of ['m-s1', 'm-s2']) await publishEvent(p.js, registered(m, D));
});
afterAll(async () => {
	await p?.stop();
});

const reading = (merchantId: string, value: number, minute: number) =>
	makeEvent(
		{
			type: 'sensor.reading.recorded',
			merchantId,
			districtId: D,
			actor: { kind: 'device', id: `fridge-${merchantId}` },
			payload: { deviceId: `fridge-${merchantId}`, kind: 'fridge_temp', value, unit: '°C' }
		},
		Date.now() - (10 - minute) * 60_000
	);

const alertsOf = (merchantId: string, rule: string) =>
	p.processor.store.query<{ id: string; severity: string; category: string }>(
		`SELECT id, severity, category FROM alerts FINAL
		 WHERE merchantId = {m:String} AND rule = {r:String}`,
		{ m: merchantId, r: rule }
	);

describe('alerts from complaints and sensors', () => {
	it('alerts - a complaint becomes an alert of the complaint category', async () => {
		await publishEvent(
			p.js,
			makeEvent({
				type: 'complaint.filed',
				merchantId: 'm-s1',
				districtId: D,
				actor: { kind: 'public', id: 'qr' },
				payload: {
					complaintId: 'c-77',
					category: 'foreign_object',
					text: '菜里有头发',
					channel: 'app'
				}
			})
		);
		const [a] = await eventually(async () => {
			const rows = await alertsOf('m-s1', 'complaint_filed');
			return rows.length ? rows : undefined;
		});
		expect(a).toMatchObject({
			id: 'complaint_filed:m-s1:c-77',
			severity: 'medium',
			category: 'complaint'
		});
	});

	it('alerts - a fridge warm twice in a row raises one alert; warm, normal, warm raises none', async () => {
		// m-s2: warm, normal, warm: each excursion is one reading long.
		for (const [i, v] of [11, 4, 12].entries()) await publishEvent(p.js, reading('m-s2', v, i));
		// m-s1: warm three times in a row: one alert for the device and the day.
		for (const [i, v] of [11, 12, 13].entries()) await publishEvent(p.js, reading('m-s1', v, i));
		const [a] = await eventually(async () => {
			const rows = await alertsOf('m-s1', 'sensor_out_of_range');
			return rows.length ? rows : undefined;
		});
		expect(a).toMatchObject({ severity: 'medium', category: 'device' });
		expect(await alertsOf('m-s1', 'sensor_out_of_range')).toHaveLength(1);
		expect(await alertsOf('m-s2', 'sensor_out_of_range')).toHaveLength(0);
	});
});

import { districts } from '../../src/lib/domain/districts';
import { familyOf, type FsEvent } from '../../src/lib/domain/events';
import { eventSubject } from '../../src/lib/domain/subjects';
import { makeEvent, validateEvent } from '../../src/lib/server/backbone/publisher';

export interface Prepared {
	id: string;
	subject: string;
	event: FsEvent;
}

const MERCHANTS = 2_000;

/** A realistic mix: mostly till sales, then sensor readings and ledger entries, over 2,000 merchants. */
export function benchEvent(i: number, now = Date.now()): FsEvent {
	const district = districts[i % districts.length]!;
	const merchantId = `b${String(i % MERCHANTS).padStart(5, '0')}`;
	const base = { merchantId, districtId: district.id };
	const kind = i % 10;
	if (kind < 7) {
		return makeEvent(
			{
				...base,
				type: 'till.sale.recorded',
				actor: { kind: 'device', id: `till-${merchantId}` },
				payload: {
					orderId: `o${i}`,
					lines: [
						{
							sku: 'rice-5kg',
							productName: '东北大米 5kg',
							lotId: `lot-${i % 97}`,
							expiresOn: '2999-01-01',
							quantity: 1,
							unitPriceFen: 4990
						},
						{
							sku: 'oil-1l',
							productName: '花生油 1L',
							lotId: `lot-${i % 89}`,
							quantity: 2,
							unitPriceFen: 2590
						}
					],
					totalFen: 10170,
					payment: 'mobile'
				}
			},
			now
		);
	}
	if (kind < 9) {
		return makeEvent(
			{
				...base,
				type: 'sensor.reading.recorded',
				actor: { kind: 'device', id: `fridge-${merchantId}` },
				payload: {
					deviceId: `fridge-${merchantId}`,
					kind: 'fridge_temp',
					value: 3.5 + (i % 7) / 10,
					unit: '°C'
				}
			},
			now
		);
	}
	return makeEvent(
		{
			...base,
			type: 'ledger.morning_check.recorded',
			actor: { kind: 'staff', id: `s-${merchantId}` },
			payload: {
				checkedBy: '王店长',
				entries: [
					{
						staffId: `s1-${merchantId}`,
						staffName: '张三',
						present: true,
						temperatureC: 36.5,
						symptoms: [],
						fitForWork: true
					},
					{
						staffId: `s2-${merchantId}`,
						staffName: '李四',
						present: true,
						temperatureC: 36.7,
						symptoms: [],
						fitForWork: true
					}
				]
			}
		},
		now
	);
}

/** Built and validated before the clock starts: the benchmark measures the backbone, not the producer. */
export function prepare(n: number): Prepared[] {
	return Array.from({ length: n }, (_, i) => {
		const event = validateEvent(benchEvent(i));
		return {
			id: event.id,
			subject: eventSubject(familyOf(event.type), event.districtId, event.merchantId),
			event
		};
	});
}

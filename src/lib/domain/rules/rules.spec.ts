import { describe, expect, it } from 'vitest';
import { makeEvent } from '../events/make';
import { expiredLotSold } from './expired-lot-sold';
import { licenceExpired, type LicenceState } from './licence-expired';

const saleOn = (occurredAt: string, lines: { lotId: string; expiresOn?: string }[]) =>
	makeEvent({
		type: 'till.sale.recorded',
		merchantId: 'm1',
		districtId: '370102',
		actor: { kind: 'device', id: 'till' },
		occurredAt,
		payload: {
			orderId: 'o1',
			lines: lines.map((l) => ({
				sku: 's',
				productName: '酸奶',
				quantity: 1,
				unitPriceFen: 500,
				...l
			})),
			totalFen: 500,
			payment: 'cash'
		}
	});

describe('expiredLotSold', () => {
	it('rules - selling on the expiry day is allowed, the day after is critical', () => {
		// 2026-11-28 23:30 in Shanghai is 15:30 UTC: the local day decides, not UTC.
		expect(
			expiredLotSold(
				saleOn('2026-11-28T15:30:00Z', [{ lotId: 'a', expiresOn: '2026-11-28' }]),
				() => undefined
			)
		).toEqual([]);
		const [alert] = expiredLotSold(
			saleOn('2026-11-28T16:30:00Z', [{ lotId: 'a', expiresOn: '2026-11-28' }]),
			() => undefined
		);
		expect(alert).toMatchObject({
			rule: 'expired_lot_sold',
			severity: 'critical',
			period: 'a:2026-11-29'
		});
	});

	it('rules - the processor’s lot state catches a till that hides the expiry date', () => {
		const sale = saleOn('2026-11-28T04:00:00Z', [{ lotId: 'lot-9' }, { lotId: 'lot-fresh' }]);
		const drafts = expiredLotSold(sale, (lot) => (lot === 'lot-9' ? '2026-11-01' : '2027-01-01'));
		expect(drafts).toHaveLength(1);
		expect(drafts[0]?.facts).toMatchObject({ lotId: 'lot-9', expiresOn: '2026-11-01' });
	});

	it('rules - the earlier of the till’s and the intake’s expiry wins', () => {
		const sale = saleOn('2026-11-28T04:00:00Z', [{ lotId: 'x', expiresOn: '2027-01-01' }]);
		expect(expiredLotSold(sale, () => '2026-11-20')[0]?.facts.expiresOn).toBe('2026-11-20');
	});
});

describe('licenceExpired', () => {
	const licence: LicenceState = {
		licenceId: 'l1',
		number: 'JY1',
		validTo: '2026-11-27',
		revoked: false,
		sourceEventId: 'e1'
	};
	const m = { merchantId: 'm1', districtId: '370102' };

	it('rules - a licence past its end date raises one alert per licence and end date', () => {
		expect(licenceExpired(m, licence, '2026-11-28')).toMatchObject({
			rule: 'licence_expired',
			period: 'l1:2026-11-27'
		});
		expect(licenceExpired(m, licence, '2026-11-27')).toBeNull();
	});

	it('rules - a revoked licence is not reported as expired', () => {
		expect(licenceExpired(m, { ...licence, revoked: true }, '2026-12-01')).toBeNull();
	});
});

import { makeEvent } from '../../src/lib/server/backbone/publisher';

const DAY_MS = 86_400_000;

const actor = { kind: 'system' as const, id: 'test' };

export function registered(
	merchantId: string,
	districtId = '370102',
	name = `测试商户${merchantId}`
) {
	return makeEvent({
		type: 'merchant.registered',
		merchantId,
		districtId,
		actor,
		payload: {
			name,
			creditCode: '91370102MA3C4XYP1K',
			businessType: 'restaurant',
			scale: 'small',
			address: '泉城路1号',
			location: { lon: 117.02, lat: 36.66 }
		}
	});
}

export function sale(
	merchantId: string,
	opts: { districtId?: string; expiresOn?: string; lotId?: string; now?: number } = {}
) {
	return makeEvent(
		{
			type: 'till.sale.recorded',
			merchantId,
			districtId: opts.districtId ?? '370102',
			actor: { kind: 'device', id: 'till-1' },
			payload: {
				orderId: `o${Math.floor(Math.random() * 1e9)}`,
				lines: [
					{
						sku: 'milk-1l',
						productName: '鲜牛奶 1L',
						lotId: opts.lotId ?? 'lot-1',
						...(opts.expiresOn ? { expiresOn: opts.expiresOn } : {}),
						quantity: 1,
						unitPriceFen: 1290
					}
				],
				totalFen: 1290,
				payment: 'mobile'
			}
		},
		opts.now
	);
}

export function licence(merchantId: string, validTo: string, districtId = '370102') {
	return makeEvent({
		type: 'licence.issued',
		merchantId,
		districtId,
		actor,
		payload: {
			licenceId: `lic-${merchantId}`,
			kind: 'food_business',
			number: 'JY13701020012345',
			scope: '热食类食品制售',
			validFrom: validTo < '2021-01-01' ? '2015-01-01' : '2021-01-01',
			validTo,
			authority: '济南市历下区市场监督管理局'
		}
	});
}

export function staffMember(
	merchantId: string,
	staffId: string,
	name: string,
	/** Valid for most of a year yet by default: nothing near its end whenever the tests run. */
	certValidTo = new Date(Date.now() + 300 * DAY_MS).toISOString().slice(0, 10),
	districtId = '370102'
) {
	return makeEvent({
		type: 'merchant.staff.registered',
		merchantId,
		districtId,
		actor,
		payload: {
			staffId,
			name,
			position: 'cook',
			healthCertificate: {
				number: `JK${staffId}`,
				// A certificate runs a year (健康证有效期一年).
				validFrom: new Date(Date.parse(certValidTo) - 364 * DAY_MS).toISOString().slice(0, 10),
				validTo: certValidTo
			}
		}
	});
}

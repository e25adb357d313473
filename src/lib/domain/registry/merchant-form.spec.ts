import { describe, expect, it } from 'vitest';
import { merchantIdOf, parseMerchantForm } from './merchant-form';

const good = {
	name: '明湖饭店',
	creditCode: '91370102ma3c4xyp11',
	businessType: 'restaurant',
	scale: 'small',
	districtId: '370102',
	address: '泉城路1号',
	lon: '117.02',
	lat: '36.66',
	contactName: '',
	contactPhone: '',
	enterpriseRelation: '',
	enterpriseName: '',
	enterpriseCreditCode: ''
};

describe('merchant form', () => {
	it('registry - a good form is a registration payload; the code is upper-cased', () => {
		const r = parseMerchantForm(good);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.payload).toMatchObject({
			creditCode: '91370102MA3C4XYP11',
			location: { lon: 117.02 }
		});
		expect(r.payload.contact).toBeUndefined();
		expect(merchantIdOf(r.payload.creditCode)).toBe('m-91370102MA3C4XYP11');
	});

	it('registry - each bad field is named', () => {
		const r = parseMerchantForm({ ...good, creditCode: '123', lat: '99', name: ' ' });
		expect(r).toEqual({ ok: false, fields: ['name', 'creditCode', 'lat'] });
		// The right shape with a wrong check character: a typo.
		expect(parseMerchantForm({ ...good, creditCode: '91370102MA3C4XYP12' })).toEqual({
			ok: false,
			fields: ['creditCode']
		});
	});

	it('registry - half a contact or half an enterprise is refused, whole ones are kept', () => {
		expect(parseMerchantForm({ ...good, contactName: '张三' })).toEqual({
			ok: false,
			fields: ['contactPhone']
		});
		expect(parseMerchantForm({ ...good, enterpriseName: '鲁菜集团' })).toEqual({
			ok: false,
			fields: ['enterpriseRelation', 'enterpriseCreditCode']
		});
		const r = parseMerchantForm({
			...good,
			contactName: '张三',
			contactPhone: '13800000000',
			enterpriseRelation: 'head_office',
			enterpriseName: '鲁菜集团',
			enterpriseCreditCode: '91370100MA3C4XYP27'
		});
		expect(r.ok && r.payload.enterprise?.relation).toBe('head_office');
		expect(r.ok && r.payload.contact?.phone).toBe('13800000000');
	});
});
